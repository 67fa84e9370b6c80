using System.Globalization;

namespace Gitbrief.Publishing;

/// <summary>Where report files go: &lt;out&gt;/YYYY/&lt;repo-name&gt;/YYYY-MM-DD.&lt;ext&gt; (the current tool's layout).
/// The path uses '/' separators: it is also the path inside a git archive and in links.</summary>
internal static class ReportFileLayout
{
    public static string RelativePath(string repositoryName, DateOnly date, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}/{repositoryName}/{date:yyyy-MM-dd}.{extension}");
}
