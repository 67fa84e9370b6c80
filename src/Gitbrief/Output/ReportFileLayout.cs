using System.Globalization;

namespace Gitbrief.Output;

/// <summary>Where report files go: &lt;out&gt;/YYYY/&lt;repo-name&gt;/YYYY-MM-DD.&lt;ext&gt; (the current tool's layout), and
/// YYYY-MM-DD.&lt;lang&gt;.&lt;ext&gt; for a language other than the primary one (<c>language: [zh, en]</c>).
/// The path uses '/' separators: it is also the path inside a git archive and in links.</summary>
internal static class ReportFileLayout
{
    /// <param name="languageSuffix">"" for the primary language, else ".en" or ".zh".</param>
    public static string RelativePath(string repositoryName, DateOnly date, string extension, string languageSuffix = "") =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}/{repositoryName}/{date:yyyy-MM-dd}{languageSuffix}.{extension}");
}
