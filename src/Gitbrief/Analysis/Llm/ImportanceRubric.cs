using System.Text;
using Gitbrief.Common;

namespace Gitbrief.Analysis.Llm;

/// <summary>What high, medium and low mean (docs/importance-rubric.md, embedded in the library): the same rubric
/// the rules and the labelled evaluation rank by, sent in every commit prompt.</summary>
internal static class ImportanceRubric
{
    private const string ResourceName = "Gitbrief.ImportanceRubric.md";

    /// <summary>The level definitions and the tie-breaker, from the first "- **high**" line to the end.</summary>
    public static string Text { get; } = Load();

    /// <summary>Eight hex digits of the rubric's SHA-256: part of the prompt version, so a changed rubric is never
    /// answered from answers cached under the old one.</summary>
    public static string Fingerprint { get; } = Sha256.HexOf(Encoding.UTF8.GetBytes(Text))[..8];

    private static string Load()
    {
        var text = Common.EmbeddedText.Read(ResourceName);
        var start = text.IndexOf("- **high**", StringComparison.Ordinal);
        return (start >= 0 ? text[start..] : text).Trim();
    }
}
