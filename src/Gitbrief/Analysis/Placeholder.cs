using System.Text.RegularExpressions;

namespace Gitbrief.Analysis;

/// <summary>Text that only says a field is empty ("None", "N/A", "无", "（数据中未发现）"): a model writes it where the
/// data has nothing to say, and the report leaves such a field out instead of showing it.</summary>
internal static partial class Placeholder
{
    public static bool Is(string text) => EmptyWords().IsMatch(text);

    [GeneratedRegex(@"^[\s(（\[【-]*(?:none|n/?a|nil|null|nothing|not applicable|none (?:found|identified)(?: in the data)?|no (?:risks?|recommendations?|issues?|concerns?|insights?|impact)(?: (?:found|identified))?|无|暂无|没有|不适用|未发现|数据中未发现|-+|—+|…+|\.+)[\s.。)）\]】]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmptyWords();
}
