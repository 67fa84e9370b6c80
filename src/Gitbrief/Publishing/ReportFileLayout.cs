namespace Gitbrief.Publishing;

/// <summary>Where report files go: &lt;out&gt;/YYYY/&lt;repo-name&gt;/YYYY-MM-DD.&lt;ext&gt; (the current tool's layout).</summary>
internal static class ReportFileLayout
{
    public static string RelativePath(string repositoryName, DateOnly date, string extension) =>
        Path.Combine(
            date.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
            repositoryName,
            date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "." + extension);
}
