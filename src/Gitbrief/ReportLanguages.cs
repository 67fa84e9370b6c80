namespace Gitbrief;

/// <summary>The languages' codes as written in the config, on the command line and in file names.</summary>
internal static class ReportLanguages
{
    public static readonly string[] Codes = ["zh", "en"];

    public static string Code(this ReportLanguage language) => language == ReportLanguage.En ? "en" : "zh";

    /// <summary>The language of a code (case-insensitive), or null.</summary>
    public static ReportLanguage? Parse(string code) => code.Trim().ToLowerInvariant() switch
    {
        "zh" => ReportLanguage.Zh,
        "en" => ReportLanguage.En,
        _ => null,
    };
}
