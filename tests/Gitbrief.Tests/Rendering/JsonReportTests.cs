using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gitbrief.Rendering;
using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Rendering;

/// <summary>The JSON report against its documented schema (docs/json-report.md).</summary>
public sealed partial class JsonReportTests
{
    private static readonly string[] ReportKeys = ["schemaVersion", "date", "timeZone", "window", "repository", "stats", "highlights", "themes", "commits"];

    private static readonly string[] CommitKeys =
    [
        "sha", "shortSha", "title", "message", "author", "committer", "authoredAt", "committedAt", "parents", "pullRequest", "url",
        "pullRequestUrl", "importance", "score", "reasons", "changeTypes", "scope", "signals", "files", "analysis",
    ];

    private static readonly string[] FileKeys = ["path", "oldPath", "status", "additions", "deletions", "binary", "role"];

    private static readonly string[] AnalysisKeys =
        ["source", "changeTypes", "summary", "components", "impact", "insights", "risks", "recommendations", "fallbackReason"];

    private static readonly HashSet<string> ReasonCodes =
    [
        "type", "size", "files", "scope", "sensitive-files", "dependencies", "breaking", "security", "hardening", "engine", "severe-fix", "critical-fix",
        "defaults", "core-feature", "revert", "cap", "release-pipeline", "release-version", "dependency-major", "dependency-routine",
        "trivial", "periphery", "experimental", "no-high-signal", "core", "series", "day-cap", "automation", "examples", "follow-up",
        "wording", "graduation", "scoped-behaviour", "behaviour", "setting", "comments", "formatting", "refactor", "tests", "target", "removal",
        "unnamed", "branch-step", "same-day-code", "repeated", "pull-request", "build-fix", "build-scripts", "deprecation", "deprecated-removal", "themes",
    ];

    private static readonly HashSet<string> ChangeTypes =
    [
        "feature", "fix", "performance", "refactor", "docs", "test", "ci", "build", "dependencies", "config", "style", "chore", "revert",
        "security", "breaking", "other",
    ];

    private static readonly HashSet<string> Statuses = ["added", "modified", "deleted", "renamed", "copied", "typeChanged"];

    private static readonly HashSet<string> Roles =
    [
        "source", "test", "docs", "ci", "build", "dependencyManifest", "lockfile", "generated", "vendored", "binary", "config", "other",
    ];

    public static TheoryData<ReportLanguage> Languages => new() { ReportLanguage.Zh, ReportLanguage.En };

    [Theory]
    [MemberData(nameof(Languages))]
    public void It_parses_back_into_the_same_report(ReportLanguage language)
    {
        var report = RenderingSamples.Report(language);
        var json = RenderingSamples.Json(report);

        var parsed = JsonReportRenderer.Parse(json);

        Assert.Equal(1, parsed.SchemaVersion);
        Assert.Equal(report.Entries.Select(e => e.Commit.Sha), parsed.Commits.Select(c => c.Sha));
        Assert.Equal(report.Entries.Select(e => e.Commit.Message), parsed.Commits.Select(c => c.Message));
        using var original = JsonDocument.Parse(json);
        using var again = JsonDocument.Parse(JsonSerializer.Serialize(parsed, JsonReportContext.Default.JsonReport));
        Assert.True(JsonElement.DeepEquals(original.RootElement, again.RootElement), "the parsed report serializes to different JSON");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_direct_writer_writes_what_the_serializer_writes(ReportLanguage language)
    {
        var report = RenderingSamples.Report(language);
        foreach (var model in new[] { JsonReportRenderer.ToModel(report), JsonReportRenderer.ToModel(report with { Partial = true }) })
        {
            var options = new JsonWriterOptions
            {
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                Indented = true,
                IndentSize = 2,
                NewLine = "\n",
            };
            var serialized = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(serialized, options))
            {
                JsonSerializer.Serialize(writer, model, JsonReportWriterContext.Default.JsonReport);
            }
            var direct = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(direct, options))
            {
                JsonReportWriterContext.Write(writer, model);
            }

            Assert.Equal(Encoding.UTF8.GetString(serialized.WrittenSpan), Encoding.UTF8.GetString(direct.WrittenSpan));
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_keys_are_the_documented_ones_in_order(ReportLanguage language)
    {
        using var document = JsonDocument.Parse(RenderingSamples.Json(RenderingSamples.Report(language)));
        var root = document.RootElement;

        Assert.Equal(ReportKeys, Keys(root));
        Assert.Equal(["start", "end"], Keys(root.GetProperty("window")));
        Assert.Equal(["name", "url", "branch"], Keys(root.GetProperty("repository")));
        Assert.Equal(["total", "high", "medium", "low"], Keys(root.GetProperty("stats")));
        foreach (var commit in ReportAssert.Commits(root))
        {
            Assert.Equal(CommitKeys, Keys(commit));
            Assert.Equal(["name", "email"], Keys(commit.GetProperty("author")));
            Assert.All(commit.GetProperty("files").EnumerateArray(), f => Assert.Equal(FileKeys, Keys(f)));
            Assert.All(commit.GetProperty("reasons").EnumerateArray(), r => Assert.Equal(["code", "points", "detail"], Keys(r)));
            Assert.Equal(AnalysisKeys, Keys(commit.GetProperty("analysis")));
        }
    }

    [Fact]
    public void The_header_describes_the_day_and_the_repository()
    {
        using var document = JsonDocument.Parse(RenderingSamples.Json(RenderingSamples.Report(ReportLanguage.Zh)));
        var root = document.RootElement;

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("2026-01-12", root.GetProperty("date").GetString());
        Assert.Equal("Asia/Shanghai", root.GetProperty("timeZone").GetString());
        Assert.Equal("2026-01-12T00:00:00+08:00", root.GetProperty("window").GetProperty("start").GetString());
        Assert.Equal("2026-01-12T23:59:59+08:00", root.GetProperty("window").GetProperty("end").GetString());
        Assert.Equal(RenderingSamples.RepositoryName, root.GetProperty("repository").GetProperty("name").GetString());
        Assert.Equal(RenderingSamples.RepositoryUrl, root.GetProperty("repository").GetProperty("url").GetString());
        Assert.Equal("main", root.GetProperty("repository").GetProperty("branch").GetString());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Shas_and_timestamps_are_well_formed(ReportLanguage language)
    {
        var report = RenderingSamples.Report(language);
        using var document = JsonDocument.Parse(RenderingSamples.Json(report));
        var root = document.RootElement;
        var start = Instant(root.GetProperty("window").GetProperty("start").GetString()!);
        var end = Instant(root.GetProperty("window").GetProperty("end").GetString()!);
        Assert.Equal(report.Day.Start, start);
        Assert.Equal(report.Day.End, end);

        var commits = ReportAssert.Commits(root);
        Assert.Equal(report.Entries.Count, commits.Count);
        foreach (var (commit, entry) in commits.Zip(report.Entries))
        {
            var sha = commit.GetProperty("sha").GetString()!;
            Assert.Matches(Sha(), sha);
            Assert.Equal(sha[..7], commit.GetProperty("shortSha").GetString());
            Assert.All(commit.GetProperty("parents").EnumerateArray(), p => Assert.Matches(Sha(), p.GetString()!));

            var committedAt = Instant(commit.GetProperty("committedAt").GetString()!);
            var authoredAt = Instant(commit.GetProperty("authoredAt").GetString()!);
            // The commit's own offset is kept, not converted to the report's zone.
            Assert.Equal(entry.Commit.CommittedAt.Offset, committedAt.Offset);
            Assert.Equal(entry.Commit.CommittedAt, committedAt);
            Assert.Equal(entry.Commit.AuthoredAt, authoredAt);
            Assert.InRange(committedAt, start, end);
        }
        var times = commits.Select(c => Instant(c.GetProperty("committedAt").GetString()!)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_stats_add_up(ReportLanguage language)
    {
        using var document = JsonDocument.Parse(RenderingSamples.Json(RenderingSamples.Report(language)));
        var root = document.RootElement;
        var stats = root.GetProperty("stats");
        var commits = ReportAssert.Commits(root);
        int Count(string level) => commits.Count(c => c.GetProperty("importance").GetString() == level);

        Assert.Equal(commits.Count, stats.GetProperty("total").GetInt32());
        Assert.Equal(Count("high"), stats.GetProperty("high").GetInt32());
        Assert.Equal(Count("medium"), stats.GetProperty("medium").GetInt32());
        Assert.Equal(Count("low"), stats.GetProperty("low").GetInt32());
        Assert.Equal(commits.Count, Count("high") + Count("medium") + Count("low"));
        Assert.Equal(
            commits.Where(c => c.GetProperty("importance").GetString() == "high").Select(c => c.GetProperty("title").GetString()),
            root.GetProperty("highlights").EnumerateArray().Select(h => h.GetString()));
        Assert.True(Count("high") > 0 && Count("medium") > 0 && Count("low") > 0);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Scores_reasons_and_types_use_the_documented_codes(ReportLanguage language)
    {
        using var document = JsonDocument.Parse(RenderingSamples.Json(RenderingSamples.Report(language)));

        foreach (var commit in ReportAssert.Commits(document.RootElement))
        {
            var reasons = commit.GetProperty("reasons").EnumerateArray().ToList();
            Assert.Equal(commit.GetProperty("score").GetInt32(), reasons.Sum(r => r.GetProperty("points").GetInt32()));
            Assert.All(reasons, r => Assert.Contains(r.GetProperty("code").GetString()!, ReasonCodes));
            Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("detail").GetString())));
            Assert.All(commit.GetProperty("changeTypes").EnumerateArray(), t => Assert.Contains(t.GetString()!, ChangeTypes));
            var analysis = commit.GetProperty("analysis");
            Assert.Equal("rules", analysis.GetProperty("source").GetString());
            Assert.All(analysis.GetProperty("changeTypes").EnumerateArray(), t => Assert.Contains(t.GetString()!, ChangeTypes));
            Assert.Equal(JsonValueKind.Null, analysis.GetProperty("fallbackReason").ValueKind);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Files_have_a_role_and_a_status(ReportLanguage language)
    {
        using var document = JsonDocument.Parse(RenderingSamples.Json(RenderingSamples.Report(language)));
        var files = ReportAssert.Commits(document.RootElement).SelectMany(c => c.GetProperty("files").EnumerateArray()).ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var status = file.GetProperty("status").GetString()!;
            Assert.Contains(status, Statuses);
            Assert.Contains(file.GetProperty("role").GetString()!, Roles);
            Assert.Equal(status is "renamed" or "copied", file.GetProperty("oldPath").ValueKind == JsonValueKind.String);
            if (file.GetProperty("binary").GetBoolean())
            {
                Assert.Equal(0, file.GetProperty("additions").GetInt32());
                Assert.Equal(0, file.GetProperty("deletions").GetInt32());
            }
        }
        var renamed = Assert.Single(files, f => f.GetProperty("status").GetString() == "renamed");
        Assert.Equal("python/sglang/srt/tokenizer_utils.py", renamed.GetProperty("oldPath").GetString());
        var deleted = Assert.Single(files, f => f.GetProperty("status").GetString() == "deleted");
        Assert.Equal(412, deleted.GetProperty("deletions").GetInt32());
        var binary = Assert.Single(files, f => f.GetProperty("binary").GetBoolean());
        Assert.Equal("binary", binary.GetProperty("role").GetString());
    }

    [Fact]
    public void Links_and_pull_requests_are_filled_in()
    {
        using var document = JsonDocument.Parse(RenderingSamples.Json(RenderingSamples.Report(ReportLanguage.En)));

        foreach (var commit in ReportAssert.Commits(document.RootElement))
        {
            var sha = commit.GetProperty("sha").GetString();
            Assert.Equal($"{RenderingSamples.RepositoryUrl}/commit/{sha}", commit.GetProperty("url").GetString());
            var title = commit.GetProperty("title").GetString()!;
            var pr = PullRequest().Match(title);
            if (pr.Success)
            {
                Assert.Equal(int.Parse(pr.Groups[1].Value, CultureInfo.InvariantCulture), commit.GetProperty("pullRequest").GetInt32());
                Assert.Equal($"{RenderingSamples.RepositoryUrl}/pull/{pr.Groups[1].Value}", commit.GetProperty("pullRequestUrl").GetString());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, commit.GetProperty("pullRequest").ValueKind);
                Assert.Equal(JsonValueKind.Null, commit.GetProperty("pullRequestUrl").ValueKind);
            }
        }
    }

    [Fact]
    public void Without_a_known_host_the_links_are_null()
    {
        var report = RenderingSamples.Report(ReportLanguage.Zh);
        report = report with
        {
            Repository = report.Repository with { Url = null },
            Entries = report.Entries.Select(e => e with { CommitUrl = null, PullRequestUrl = null }).ToList(),
        };

        var parsed = JsonReportRenderer.Parse(RenderingSamples.Json(report));

        Assert.Null(parsed.Repository.Url);
        Assert.All(parsed.Commits, c => Assert.Null(c.Url));
        Assert.All(parsed.Commits, c => Assert.Null(c.PullRequestUrl));
        Assert.Contains(parsed.Commits, c => c.PullRequest is not null);
    }

    [Fact]
    public void A_commit_touching_20000_files_is_listed_whole_in_bytes_of_exactly_its_length()
    {
        var wide = RenderingSamples.Commits[0] with
        {
            // A right-to-left override in the message: escaped in the bytes after they are made.
            Message = "refactor: rename the generated clients \u202E everywhere\n",
            Files = Enumerable.Range(0, 20_000)
                .Select(i => new FileChange(string.Create(CultureInfo.InvariantCulture, $"src/clients/group{i / 250:000}/Client{i:00000}.cs"), null, FileStatus.Modified, 1, 1, false))
                .ToList(),
        };
        var report = RenderingSamples.Build(ReportLanguage.En, [wide]);

        var bytes = JsonReportRenderer.RenderUtf8(report);

        Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.True(bytes.AsSpan().EndsWith("}\n"u8));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Equal(new JsonReportRenderer().Render(report), text);
        Assert.Contains("\\u202E", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", text, StringComparison.Ordinal);
        var files = JsonReportRenderer.Parse(text).Commits.Single().Files;
        Assert.Equal(20_000, files.Count);
        Assert.Equal("src/clients/group000/Client00000.cs", files[0].Path);
        Assert.Equal("src/clients/group079/Client19999.cs", files[^1].Path);
        Assert.All(files, f => Assert.Equal((1, 1, "modified"), (f.Additions, f.Deletions, f.Status)));
    }

    private static DateTimeOffset Instant(string text)
    {
        Assert.Matches(IsoWithOffset(), text);
        return DateTimeOffset.ParseExact(text, "yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private static List<string> Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex Sha();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")]
    private static partial Regex IsoWithOffset();

    [GeneratedRegex(@"\(#(\d+)\)$")]
    private static partial Regex PullRequest();
}
