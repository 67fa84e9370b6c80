namespace Gitbrief.Publishing;

/// <summary>What the targets are asked to deliver in one run: every report built (in a stable order), the
/// report language, whether chat and mail should be re-sent, and the link to an archived report if configured.</summary>
internal sealed record PublishBatch(IReadOnlyList<PublishedReport> Reports, ReportLanguage Language, bool Resend, DateTimeOffset Now)
{
    /// <summary>Deliver reports of days not over yet (<c>--allow-partial</c>) to chat, mail and issue targets too.</summary>
    public bool AllowPartial { get; init; }

    /// <summary>URL template of the archived Markdown, with {year}, {name}, {date}, {repository}; null: no link.</summary>
    public string? ReportUrlTemplate { get; init; }

    /// <summary>This batch with the reports in <see cref="Language"/> only (messages are sent in one language).</summary>
    public PublishBatch InItsLanguage() => this with { Reports = [.. Reports.Where(r => r.Language == Language)] };

    /// <summary>The web link to a report's archived Markdown, if a template is configured.</summary>
    public string? ReportUrl(PublishedReport report) => ReportUrlTemplate?
        .Replace("{year}", report.Day.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{name}", Uri.EscapeDataString(report.Name), StringComparison.Ordinal)
        .Replace("{repository}", report.Repository, StringComparison.Ordinal)
        .Replace("{date}", report.IsoDate, StringComparison.Ordinal);
}
