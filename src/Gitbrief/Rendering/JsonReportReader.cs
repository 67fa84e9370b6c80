using System.Globalization;
using System.Text.Json;
using Gitbrief.Analysis;
using Gitbrief.Analysis.Llm;
using Gitbrief.Common;
using Gitbrief.Reports;
using Gitbrief.Sources;

namespace Gitbrief.Rendering;

/// <summary>A report back from its JSON (<see cref="JsonReportRenderer"/>): what a publish job delivers from the
/// store's copy of a report another worker built, without reading git or asking the LLM again. Rendering what it
/// reads gives the same JSON and Markdown again; only what the JSON leaves out by design is missing (what the LLM
/// requests cost, which the store keeps with the unit, and whether a file's diff was unavailable to the prompt).
/// The text is the store's, not a user's: a report that does not read is a <see cref="RepositoryException"/>.</summary>
internal static class JsonReportReader
{
    private const string Timestamp = "yyyy-MM-ddTHH:mm:sszzz";

    /// <summary>Strict: a null where the renderer never writes one makes the report unreadable.</summary>
    private static readonly JsonReportContext Strict = new(new JsonSerializerOptions(JsonReportContext.Default.Options)
    {
        RespectNullableAnnotations = true,
    });

    public static DailyReport Read(string json)
    {
        try
        {
            return ToReport(JsonSerializer.Deserialize(json, Strict.JsonReport) ?? throw new JsonException("the report is empty"));
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or TimeZoneNotFoundException)
        {
            throw new RepositoryException($"a stored report does not read: {e.Message.Split('\n', 2)[0]}");
        }
    }

    private static DailyReport ToReport(JsonReport json)
    {
        if (json.Date is null || json.TimeZone is null || json.Repository is null || json.Highlights is null || json.Commits is null)
        {
            throw new JsonException("date, timeZone, repository, highlights or commits is missing");
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(json.TimeZone);
        var date = DateOnly.ParseExact(json.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new DailyReport
        {
            Day = new ReportDay(date, zone),
            Repository = new ReportRepository(json.Repository.Name, json.Repository.Url, json.Repository.Branch),
            Entries = [.. json.Commits.Select(Entry)],
            Highlights = json.Highlights,
            Themes = [.. (json.Themes ?? []).Select(Theme)],
            Partial = json.Partial == true,
            Llm = json.Llm is { } llm ? new LlmRunInfo(llm.Model, LlmUsage.None with { Fallbacks = llm.Fallbacks }, TimeSpan.Zero) : null,
        };
    }

    private static ReportTheme Theme(JsonTheme theme) => new()
    {
        Title = theme.Title,
        Summary = theme.Summary,
        Level = Parse<ImportanceLevel>(theme.Level),
        Commits = theme.Commits,
        Counts = new ThemeCounts(theme.Counts.High, theme.Counts.Medium, theme.Counts.Low),
    };

    private static ReportEntry Entry(JsonCommit c)
    {
        var files = c.Files.Select(f => new ClassifiedFile(
            new FileChange(f.Path, f.OldPath, Parse<FileStatus>(f.Status), f.Additions, f.Deletions, f.Binary), Parse<FileRole>(f.Role))).ToList();
        var commit = new CommitRecord
        {
            Sha = c.Sha,
            Parents = c.Parents,
            Author = new Person(c.Author.Name, c.Author.Email),
            AuthoredAt = Instant(c.AuthoredAt),
            Committer = new Person(c.Committer.Name, c.Committer.Email),
            CommittedAt = Instant(c.CommittedAt),
            Message = c.Message,
            Files = [.. files.Select(f => f.Change)],
            FilesTruncated = c.FilesTruncated == true,
            LinkedPullRequest = c.PullRequestTitle is { } title ? new PullRequestInfo(c.PullRequest ?? 0, title, c.PullRequestLabels ?? []) : null,
        };
        var reasons = c.Reasons.Select(r => new ScoreReason(r.Code, r.Points, r.Detail)).ToList();
        return new ReportEntry
        {
            Commit = commit,
            Files = files,
            Importance = new ImportanceAssessment(Parse<ImportanceLevel>(c.Importance), c.Score, reasons) { Muted = c.Muted == true },
            Analysis = Analysis(c.Analysis, c.Scope),
            CommitUrl = c.Url,
            PullRequestUrl = c.PullRequestUrl,
        };
    }

    private static CommitAnalysis Analysis(JsonAnalysis a, string? scope) => new()
    {
        Source = a.Source == "llm" ? AnalysisSource.Llm : AnalysisSource.Rules,
        ChangeTypes = [.. a.ChangeTypes.Select(Parse<ChangeType>)],
        Scope = scope,
        Summary = a.Summary,
        Components = [.. a.Components.Select(c => new ImpactedComponent(c.Path, c.Files, c.Additions, c.Deletions))],
        Impact = a.Impact,
        Insights = a.Insights is { } i ? new TechnicalInsights(Insights(i.Architecture), Insights(i.Performance), Insights(i.Security)) : null,
        Risks = a.Risks,
        Recommendations = a.Recommendations,
        FallbackReason = a.FallbackReason,
        LlmImportance = a.LlmImportance is { } level ? Parse<ImportanceLevel>(level) : null,
    };

    private static List<Insight> Insights(IReadOnlyList<JsonInsight> insights) => [.. insights.Select(i => new Insight(i.Text, i.Severity))];

    /// <summary>An enum from its camelCase code (<c>dependencyManifest</c>, <c>ci</c>).</summary>
    private static T Parse<T>(string code) where T : struct, Enum =>
        Enum.TryParse<T>(code, ignoreCase: true, out var value) && !int.TryParse(code, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? value
            : throw new FormatException($"'{code}' is not a {typeof(T).Name}");

    private static DateTimeOffset Instant(string text) => DateTimeOffset.ParseExact(text, Timestamp, CultureInfo.InvariantCulture);
}
