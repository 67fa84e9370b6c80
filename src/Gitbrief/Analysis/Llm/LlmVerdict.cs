using Gitbrief.Configuration;

namespace Gitbrief.Analysis.Llm;

/// <summary>Decides a commit's level from the rules' verdict and the model's answer, by <see cref="ImportanceMode"/>.
/// The chosen level's reasons say where it came from: "llm" (the model's level and its one-line rationale), then
/// in hybrid mode "floor" or "ceiling" when a hard bound of the rules overrode the model. The reader's watch rules
/// are applied afterwards by the caller.</summary>
internal static class LlmVerdict
{
    /// <summary>Reason codes of the rules that make a commit high whatever the model says. "hardening" is written by
    /// rules that recognise hardening without the word security; when the rules do not emit it, nothing changes.</summary>
    private static readonly string[] FloorCodes = ["security", "breaking", "hardening"];

    public static ImportanceAssessment Decide(
        ImportanceMode mode, ImportanceAssessment rules, LlmAnswer answer, IReadOnlyList<ClassifiedFile> files, ImportanceWeights weights,
        ReportLanguage language)
    {
        if (mode == ImportanceMode.Rules || answer.Importance is not { } model)
        {
            return rules;
        }
        var phrases = VerdictPhrases.For(language);
        var chosen = rules.Settle(model, VerdictPhrases.Codes.Llm, phrases.Llm(model, answer.ImportanceReason), weights);
        if (mode == ImportanceMode.Llm)
        {
            return chosen;
        }
        // A floor wins over a ceiling: a lockfile-only commit whose message names a CVE is a security fix. It holds where the
        // rules hold the commit high for it: a breaking change the day ranks medium (the fourth `feat!:` of a major release)
        // is the model's to judge.
        if (rules.Level == ImportanceLevel.High && rules.Reasons.FirstOrDefault(r => FloorCodes.Contains(r.Code)) is { } floor)
        {
            return chosen.Level == ImportanceLevel.High
                ? chosen
                : chosen.Settle(ImportanceLevel.High, VerdictPhrases.Codes.Floor, phrases.Floor(floor.Detail), weights);
        }
        if (Ceiling(files, phrases) is { } ceiling && chosen.Level < ceiling.Level)
        {
            return chosen.Settle(ceiling.Level, VerdictPhrases.Codes.Ceiling, ceiling.Detail, weights);
        }
        return chosen;
    }

    /// <summary>Low when every changed file is a lockfile, generated, vendored or binary; medium when the rest are
    /// only docs, tests and CI; none otherwise (and none for a commit without files).</summary>
    private static (ImportanceLevel Level, string Detail)? Ceiling(IReadOnlyList<ClassifiedFile> files, VerdictPhrases phrases)
    {
        if (files.Count == 0)
        {
            return null;
        }
        var meaningful = files.Where(f => f.IsMeaningful).ToList();
        if (meaningful.Count == 0)
        {
            return (ImportanceLevel.Low, phrases.CeilingLow);
        }
        return meaningful.All(f => f.Role is FileRole.Docs or FileRole.Test or FileRole.CI)
            ? (ImportanceLevel.Medium, phrases.CeilingMedium)
            : null;
    }
}
