using System.Text;
using Gitbrief.Common;

namespace Gitbrief.Analysis.Llm;

/// <summary>What high, medium and low mean (docs/importance-rubric.md, embedded in the library): the same rubric
/// the rules and the labelled evaluation rank by, sent in every commit prompt — the levels and their tie-breaker, and,
/// when the prompt's budget has room, the borderline kinds every labelled set follows.</summary>
internal static class ImportanceRubric
{
    private const string ResourceName = "Gitbrief.ImportanceRubric.md";
    private const string BorderlineHeading = "## Borderline kinds";

    /// <summary>The smallest input budget (max_input_tokens) whose prompts carry the borderline kinds: they add about
    /// 1,100 tokens to the levels' 320, too much of a small model's context.</summary>
    public const int BorderlineBudget = 8_000;

    private static readonly string Document = Common.EmbeddedText.Read(ResourceName);

    /// <summary>The level definitions and the tie-breaker, from the first "- **high**" line to the borderline kinds.</summary>
    public static string Text { get; } = Section(Document, "- **high**", BorderlineHeading);

    /// <summary>The levels, the tie-breaker and the borderline kinds (how the levels are applied between two of them).</summary>
    public static string WithBorderlineKinds { get; } = Section(Document, "- **high**", null);

    /// <summary>Eight hex digits of the whole rubric's SHA-256: part of the prompt version, so a changed rubric is never
    /// answered from answers cached under the old one.</summary>
    public static string Fingerprint { get; } = Sha256.HexOf(Encoding.UTF8.GetBytes(WithBorderlineKinds))[..8];

    /// <summary>The rubric a prompt of <paramref name="maxInputTokens"/> carries.</summary>
    public static string For(int maxInputTokens) => maxInputTokens >= BorderlineBudget ? WithBorderlineKinds : Text;

    private static string Section(string text, string from, string? until)
    {
        var start = Math.Max(0, text.IndexOf(from, StringComparison.Ordinal));
        var end = until is null ? -1 : text.IndexOf(until, start, StringComparison.Ordinal);
        return (end >= 0 ? text[start..end] : text[start..]).Trim();
    }
}
