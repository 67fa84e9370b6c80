namespace Gitbrief.Site;

/// <summary>What <c>gitbrief site</c> builds: from the JSON reports in <see cref="ReportsDirectory"/> into
/// <see cref="OutputDirectory"/>. <see cref="BaseUrl"/> (absolute http(s), ending in '/') makes feed links absolute;
/// <see cref="Language"/> forces the labels, else each report's language is detected from its text and
/// <see cref="DefaultLanguage"/> stands in when nothing tells.</summary>
public sealed record SiteOptions(string ReportsDirectory, string OutputDirectory)
{
    public string? BaseUrl { get; init; }

    public ReportLanguage? Language { get; init; }

    public ReportLanguage DefaultLanguage { get; init; } = ReportLanguage.Zh;

    /// <summary>Render every page, ignoring what the last build recorded (<c>gitbrief site --full</c>).</summary>
    public bool Full { get; init; }

    /// <summary>Checks and normalises a --base-url: absolute http(s), query and fragment dropped, trailing '/'.</summary>
    public static string NormalizeBaseUrl(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new Common.UsageException($"--base-url must be an absolute http(s) URL, not '{url}'");
        }
        var left = uri.GetLeftPart(UriPartial.Path);
        return left.EndsWith('/') ? left : left + "/";
    }
}
