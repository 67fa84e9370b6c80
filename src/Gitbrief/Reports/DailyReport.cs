using Gitbrief.Analysis;

namespace Gitbrief.Reports;

/// <summary>The report of one repository for one day, built once and rendered into every format.
/// Entries are newest first (by committer date, then git's order).</summary>
internal sealed record DailyReport
{
    public const int SchemaVersion = 1;

    public required ReportDay Day { get; init; }
    public required ReportRepository Repository { get; init; }
    public required IReadOnlyList<ReportEntry> Entries { get; init; }

    /// <summary>3–5 points at the top of the report. Rules mode lists the high-importance titles.</summary>
    public IReadOnlyList<string> Highlights { get; init; } = [];

    /// <summary>Groups of related commits (see <see cref="Gitbrief.Reports.Themes.ThemeFinder"/>), most important first; empty on days
    /// with fewer than four commits or nothing related. The LLM analyzer names and summarises them when configured.</summary>
    public IReadOnlyList<ReportTheme> Themes { get; init; } = [];

    /// <summary>The day was not over when the report was made (its window ends later): more commits may come.</summary>
    public bool Partial { get; init; }

    /// <summary>Set when the LLM analyzer ran: the model and what this repository-day cost (the cost is kept in the
    /// store and printed, never written to the report files).</summary>
    public LlmRunInfo? Llm { get; init; }

    public ReportStats Stats => new(
        Entries.Count,
        Entries.Count(e => e.Level == ImportanceLevel.High),
        Entries.Count(e => e.Level == ImportanceLevel.Medium),
        Entries.Count(e => e.Level == ImportanceLevel.Low));

    public IEnumerable<ReportEntry> AtLevel(ImportanceLevel level) => Entries.Where(e => e.Level == level);
}
