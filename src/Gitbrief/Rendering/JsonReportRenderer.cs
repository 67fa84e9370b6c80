using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gitbrief.Analysis;
using Gitbrief.Reports;
using Gitbrief.Sources;

namespace Gitbrief.Rendering;

/// <summary>Renders a report as JSON (schema in docs/json-report.md) and reads it back. Only what JSON requires
/// is escaped, so CJK text, '+' offsets and '&lt;' stay readable; HTML output escapes for itself.</summary>
internal sealed class JsonReportRenderer : IReportRenderer
{
    private const string Timestamp = "yyyy-MM-ddTHH:mm:sszzz";

    public string FileExtension => "json";

    /// <summary>The report as JSON; bidirectional controls in commit text are written as \u escapes (<see cref="BidiControls"/>).</summary>
    public string Render(DailyReport report) => Encoding.UTF8.GetString(RenderUtf8(report));

    /// <summary>The bytes of <see cref="Render"/> (UTF-8, no BOM, ending with a newline): what the report's file and the store
    /// keep. Serialized once into the thread's draft buffer, through a <see cref="PassingBufferWriter"/> that counts what
    /// does not fit; a report that fits (a day of a few dozen commits is tens of KB) is copied into an array of exactly its
    /// length and its newline. A larger one is serialized a second time, into such an array: a report listing 20,000 files
    /// (4.8 MB) is held once, never in a growing buffer, in chunks beside its copy, nor as a string; the second pass costs
    /// less than the memory it saves (bench/README.md, "wide2"). Both passes take the source generator's direct writer
    /// (<see cref="Writer"/>); a commit's files are written from its entries (<see cref="JsonFiles"/>).</summary>
    public static byte[] RenderUtf8(DailyReport report)
    {
        var model = ToModel(report);
        var draft = threadDraft ??= new byte[DraftBytes];
        var firstPass = new PassingBufferWriter(draft, overflow: true);
        Serialize(firstPass, model);
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)firstPass.Length + 1));
        if (firstPass.Fits)
        {
            draft.AsSpan(0, bytes.Length - 1).CopyTo(bytes);
        }
        else
        {
            var text = new PassingBufferWriter(bytes);
            Serialize(text, model);
            if (text.Length != bytes.Length - 1)
            {
                throw new InvalidOperationException("the JSON report changed length between its two serializations");
            }
        }
        bytes[^1] = (byte)'\n';
        return BidiControls.EscapeInJson(bytes);
    }

    /// <summary>A report up to this many bytes is serialized once.</summary>
    private const int DraftBytes = 512 * 1024;

    /// <summary>Each rendering thread's draft buffer: reports are rendered on several threads at once.</summary>
    [ThreadStatic]
    private static byte[]? threadDraft;

    /// <summary>How the report is written: indented by two spaces, \n line ends, only what JSON requires escaped. These are
    /// the writer's options, not the serializer's: with the generated context's own options, the serializer runs the
    /// source generator's direct writer for every type instead of its general, metadata-driven one (a custom encoder in
    /// the serializer's options turns that off); the bytes are the same.</summary>
    private static readonly JsonWriterOptions Writer = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        SkipValidation = true,
    };

    private static void Serialize(PassingBufferWriter output, JsonReport model)
    {
        using var writer = new Utf8JsonWriter(output, Writer);
        JsonReportWriterContext.Write(writer, model);
        writer.Flush();
    }

    public static JsonReport Parse(string json) =>
        JsonSerializer.Deserialize(json, Reading.Context.JsonReport) ?? throw new JsonException("the report is empty");

    /// <summary><see cref="Parse(string)"/> of the report's UTF-8 bytes, read as they are (no UTF-16 copy to transcode back).</summary>
    public static JsonReport Parse(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, Reading.Context.JsonReport) ?? throw new JsonException("the report is empty");

    internal static JsonReport ToModel(DailyReport report)
    {
        var stats = report.Stats;
        return new JsonReport(
            DailyReport.SchemaVersion,
            report.Day.IsoDate,
            report.Day.TimeZone.Id,
            report.Partial ? true : null,
            new JsonWindow(Format(report.Day.Start), Format(report.Day.End)),
            new JsonRepository(report.Repository.Name, report.Repository.Url, report.Repository.Branch),
            new JsonStats(stats.Total, stats.High, stats.Medium, stats.Low),
            report.Highlights,
            report.Themes.Select(Theme).ToList(),
            report.Entries.Select(Commit).ToList(),
            report.Llm is { } llm ? new JsonLlmRun(llm.Model, llm.Usage.Fallbacks) : null);
    }

    private static JsonTheme Theme(ReportTheme theme) => new(
        theme.Title,
        theme.Summary,
        Code(theme.Level.ToString()),
        theme.Commits,
        new JsonThemeCounts(theme.Counts.High, theme.Counts.Medium, theme.Counts.Low));

    private static JsonCommit Commit(ReportEntry entry)
    {
        var c = entry.Commit;
        return new JsonCommit(
            c.Sha,
            c.ShortSha,
            c.Title,
            c.Message,
            new JsonPerson(c.Author.Name, c.Author.Email),
            new JsonPerson(c.Committer.Name, c.Committer.Email),
            Format(c.AuthoredAt),
            Format(c.CommittedAt),
            c.Parents,
            c.PullRequest,
            entry.CommitUrl,
            entry.PullRequestUrl,
            c.LinkedPullRequest?.Title,
            c.LinkedPullRequest?.Labels,
            c.FilesTruncated ? true : null,
            Code(entry.Level.ToString()),
            entry.Importance.Score,
            entry.Importance.Reasons.Select(r => new JsonReason(r.Code, r.Points, r.Detail)).ToList(),
            entry.Importance.Muted ? true : null,
            entry.Analysis.ChangeTypes.Select(Code).ToList(),
            entry.Analysis.Scope,
            entry.Importance.Signals,
            new JsonFiles(entry.Files, File),
            Analysis(entry.Analysis));
    }

    private static JsonFile File(ClassifiedFile f) =>
        new(f.Change.Path, f.Change.OldPath, FileCodes.Status[f.Change.Status], f.Change.Additions, f.Change.Deletions, f.Change.Binary, FileCodes.Role[f.Role]);

    private static JsonAnalysis Analysis(CommitAnalysis a) => new(
        a.Source == AnalysisSource.Llm ? "llm" : "rules",
        a.ChangeTypes.Select(Code).ToList(),
        a.Summary,
        a.Components.Select(c => new JsonComponent(c.Path, c.Files, c.Additions, c.Deletions)).ToList(),
        a.Impact,
        a.Insights is null ? null : new JsonInsights(Insights(a.Insights.Architecture), Insights(a.Insights.Performance), Insights(a.Insights.Security)),
        a.Risks,
        a.Recommendations,
        a.FallbackReason,
        a.LlmImportance is { } opinion ? Code(opinion.ToString()) : null);

    private static List<JsonInsight> Insights(IReadOnlyList<Insight> insights) => insights.Select(i => new JsonInsight(i.Text, i.Severity)).ToList();

    /// <summary>The context reports are read with (the report model's full metadata), made when a report is first read: writing
    /// one (a day without commits, say) never builds it.</summary>
    private static class Reading
    {
        public static readonly JsonReportContext Context = new(new JsonSerializerOptions(JsonReportContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    /// <summary>The codes of the values written once per file, made once, when the first file is written (a report without
    /// commits never makes them).</summary>
    private static class FileCodes
    {
        public static readonly Dictionary<FileStatus, string> Status = Enum.GetValues<FileStatus>().ToDictionary(s => s, s => Code(s.ToString()));

        public static readonly Dictionary<FileRole, string> Role = Enum.GetValues<FileRole>().ToDictionary(r => r, r => Code(r.ToString()));
    }

    /// <summary>Enum names as camelCase codes: Feature → "feature", CI → "ci", DependencyManifest → "dependencyManifest".</summary>
    private static string Code(ChangeType type) => Code(type.ToString());

    private static string Code(string name) =>
        name.Length <= 2 ? name.ToLowerInvariant() : char.ToLowerInvariant(name[0]) + name[1..];

    private static string Format(DateTimeOffset instant) => instant.ToString(Timestamp, CultureInfo.InvariantCulture);
}
