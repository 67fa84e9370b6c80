using System.Text;
using System.Text.Json;
using Gitbrief.Configuration;
using Gitbrief.Pipeline;
using Gitbrief.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Gitbrief.Tests.Pipeline;

/// <summary>The whole pipeline, in-process, on real repositories: what lands in which day's files.</summary>
public sealed class ReportJobTests : IDisposable
{
    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repo = TestRepository.Create("demo");

    public void Dispose()
    {
        repo.Dispose();
        workspace.Dispose();
    }

    private async Task<RunSummary> ReportAsync(string date, string? tz = null, bool firstParent = false, string? lang = null, params string[] repositories)
    {
        // The language as configured (not --lang): its reports keep the plain file names.
        var summary = await workspace.RunAsync(new ReportArguments
        {
            Repositories = repositories.Length > 0 ? repositories : [repo.Path],
            Date = date,
            TimeZone = tz,
            FirstParent = firstParent,
        }, lang is null ? null : GitbriefConfig.Empty with { Language = lang });
        return summary;
    }

    [Fact]
    public async Task Midnight_in_Shanghai_splits_days_and_UTC_shifts_them()
    {
        var late = repo.Write("a.txt", "a\n").Commit("late", "2026-01-12T23:59:59+08:00");
        var early = repo.Write("b.txt", "b\n").Commit("early", "2026-01-13T00:00:00+08:00");

        Assert.Equal(0, (await ReportAsync("2026-01-12")).ExitCode);
        Assert.Equal(0, (await ReportAsync("2026-01-13")).ExitCode);
        Assert.Equal([late], ReportAssert.Shas(workspace.Json("demo", "2026-01-12")));
        Assert.Equal([early], ReportAssert.Shas(workspace.Json("demo", "2026-01-13")));

        Assert.Equal(0, (await ReportAsync("2026-01-12", tz: "UTC")).ExitCode);
        var utc = workspace.Json("demo", "2026-01-12");
        Assert.Equal("UTC", utc.GetProperty("timeZone").GetString());
        Assert.Equal([early, late], ReportAssert.Shas(utc));
        Assert.Equal("2026-01-12T00:00:00+00:00", utc.GetProperty("window").GetProperty("start").GetString());
        Assert.Equal("2026-01-12T23:59:59+00:00", utc.GetProperty("window").GetProperty("end").GetString());
    }

    [Fact]
    public async Task A_commit_authored_earlier_appears_on_its_commit_day_with_the_committer_time()
    {
        var sha = repo.Write("a.txt", "a\n").Commit("cherry-picked fix", "2026-01-02T08:15:00+08:00", "2026-01-12T21:45:30+08:00");

        await ReportAsync("2026-01-12");
        await ReportAsync("2026-01-02");

        Assert.Equal([sha], ReportAssert.Shas(workspace.Json("demo", "2026-01-12")));
        Assert.Empty(ReportAssert.Shas(workspace.Json("demo", "2026-01-02")));
        var row = Assert.Single(ReportAssert.TableRows(workspace.Markdown("demo", "2026-01-12")));
        Assert.StartsWith("| 2026-01-12 21:45:30 | ", row, StringComparison.Ordinal);
        var commit = ReportAssert.CommitBySha(workspace.Json("demo", "2026-01-12"), sha);
        Assert.Equal("2026-01-02T08:15:00+08:00", commit.GetProperty("authoredAt").GetString());
        Assert.Equal("2026-01-12T21:45:30+08:00", commit.GetProperty("committedAt").GetString());
    }

    [Fact]
    public async Task A_backfill_range_writes_one_file_per_day_and_every_commit_exactly_once()
    {
        var dates = new[]
        {
            "2026-01-10T00:00:00+08:00", "2026-01-10T23:59:59+08:00", "2026-01-11T12:00:00+08:00",
            "2026-01-13T00:00:01+08:00", "2026-01-13T18:00:00+08:00", "2026-01-12T16:30:00+00:00",
        };
        var shas = dates.Select((d, i) => repo.Write($"f{i}.txt", $"{i}\n").Commit($"commit {i}", d)).ToList();

        var summary = await workspace.RunAsync(new ReportArguments { Repositories = [repo.Path], Since = "2026-01-09", Until = "2026-01-14" });

        Assert.Equal(0, summary.ExitCode);
        Assert.Equal(6, Assert.Single(summary.Repositories).Reports.Count);
        var days = new[] { "2026-01-09", "2026-01-10", "2026-01-11", "2026-01-12", "2026-01-13", "2026-01-14" };
        Assert.Equal(
            days.SelectMany(d => new[] { $"2026/demo/{d}.json", $"2026/demo/{d}.md" }),
            workspace.OutputFiles().Keys.Select(k => k.Replace('\\', '/')));
        var reported = days.SelectMany(d => ReportAssert.Shas(workspace.Json("demo", d))).ToList();
        Assert.Equal(shas.Order(StringComparer.Ordinal), reported.Order(StringComparer.Ordinal));
        Assert.Empty(ReportAssert.Shas(workspace.Json("demo", "2026-01-12")));
        Assert.Equal(2, ReportAssert.Shas(workspace.Json("demo", "2026-01-10")).Count);
        Assert.Equal(3, ReportAssert.Shas(workspace.Json("demo", "2026-01-13")).Count);
    }

    [Fact]
    public async Task The_JSON_of_a_known_day_describes_files_and_is_consistent()
    {
        repo.WriteLines("src/engine.py", 10, "engine").WriteLines("docs/old.md", 4, "doc").Commit("base", "2026-01-11T10:00:00+08:00");
        var sha = repo.Move("src/engine.py", "src/core/engine.py")
            .Delete("docs/old.md")
            .WriteBytes("assets/icon.png", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D, 0xFF])
            .WriteLines("tests/test_engine.py", 6, "assert")
            .Commit("refactor(core): move the engine (#321)", "2026-01-12T14:03:07+08:00");
        var second = repo.Write("README.md", "# demo\n").Commit("docs: readme", "2026-01-12T15:00:00+08:00");

        await ReportAsync("2026-01-12");
        var json = workspace.Json("demo", "2026-01-12");

        Assert.Equal(1, json.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("2026-01-12", json.GetProperty("date").GetString());
        Assert.Equal("Asia/Shanghai", json.GetProperty("timeZone").GetString());
        Assert.Equal("demo", json.GetProperty("repository").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("repository").GetProperty("url").ValueKind);
        Assert.Equal("main", json.GetProperty("repository").GetProperty("branch").GetString());
        var commits = ReportAssert.Commits(json);
        Assert.Equal([second, sha], commits.Select(c => c.GetProperty("sha").GetString()));
        var stats = json.GetProperty("stats");
        Assert.Equal(commits.Count, stats.GetProperty("total").GetInt32());
        Assert.Equal(
            stats.GetProperty("total").GetInt32(),
            stats.GetProperty("high").GetInt32() + stats.GetProperty("medium").GetInt32() + stats.GetProperty("low").GetInt32());
        foreach (var level in new[] { "high", "medium", "low" })
        {
            Assert.Equal(stats.GetProperty(level).GetInt32(), commits.Count(c => c.GetProperty("importance").GetString() == level));
        }

        var commit = ReportAssert.CommitBySha(json, sha);
        Assert.Matches("^[0-9a-f]{40}$", commit.GetProperty("sha").GetString());
        Assert.Equal(sha[..7], commit.GetProperty("shortSha").GetString());
        Assert.Equal("refactor(core): move the engine (#321)", commit.GetProperty("title").GetString());
        Assert.Equal("2026-01-12T14:03:07+08:00", commit.GetProperty("committedAt").GetString());
        Assert.Equal(321, commit.GetProperty("pullRequest").GetInt32());
        Assert.Equal(JsonValueKind.Null, commit.GetProperty("url").ValueKind);
        Assert.Equal(commit.GetProperty("score").GetInt32(), commit.GetProperty("reasons").EnumerateArray().Sum(r => r.GetProperty("points").GetInt32()));
        Assert.Equal("rules", commit.GetProperty("analysis").GetProperty("source").GetString());

        var renamed = ReportAssert.FileByPath(commit, "src/core/engine.py");
        Assert.Equal("renamed", renamed.GetProperty("status").GetString());
        Assert.Equal("src/engine.py", renamed.GetProperty("oldPath").GetString());
        Assert.Equal("source", renamed.GetProperty("role").GetString());
        var deleted = ReportAssert.FileByPath(commit, "docs/old.md");
        Assert.Equal("deleted", deleted.GetProperty("status").GetString());
        Assert.Equal(4, deleted.GetProperty("deletions").GetInt32());
        Assert.Equal("docs", deleted.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, deleted.GetProperty("oldPath").ValueKind);
        var binary = ReportAssert.FileByPath(commit, "assets/icon.png");
        Assert.Equal("added", binary.GetProperty("status").GetString());
        Assert.True(binary.GetProperty("binary").GetBoolean());
        Assert.Equal(0, binary.GetProperty("additions").GetInt32() + binary.GetProperty("deletions").GetInt32());
        var test = ReportAssert.FileByPath(commit, "tests/test_engine.py");
        Assert.Equal("test", test.GetProperty("role").GetString());
        Assert.Equal(6, test.GetProperty("additions").GetInt32());
        Assert.False(test.GetProperty("binary").GetBoolean());
    }

    [Fact]
    public async Task Merges_are_omitted_by_default_and_listed_with_first_parent()
    {
        repo.Write("base.txt", "base\n").Commit("base", "2026-01-11T10:00:00+08:00");
        repo.Checkout("feature", create: true);
        var feature = repo.WriteLines("feature.py", 3).Commit("feat: feature work", "2026-01-12T09:00:00+08:00");
        repo.Checkout("main");
        var merge = repo.Merge("feature", "Merge pull request #7 from someone/feature", "2026-01-12T10:00:00+08:00");

        await ReportAsync("2026-01-12");
        Assert.Equal([feature], ReportAssert.Shas(workspace.Json("demo", "2026-01-12")));

        await ReportAsync("2026-01-12", firstParent: true);
        var json = workspace.Json("demo", "2026-01-12");
        var entry = Assert.Single(ReportAssert.Commits(json));
        Assert.Equal(merge, entry.GetProperty("sha").GetString());
        Assert.Equal(2, entry.GetProperty("parents").GetArrayLength());
        var file = Assert.Single(entry.GetProperty("files").EnumerateArray());
        Assert.Equal("feature.py", file.GetProperty("path").GetString());
        Assert.Equal(3, file.GetProperty("additions").GetInt32());
    }

    [Fact]
    public async Task Legacy_encodings_are_decoded_in_both_formats()
    {
        var gbk = Encoding.GetEncoding("GBK").GetBytes("修复：编码问题\n");
        repo.Write("a.txt", "a\n").CommitRaw(gbk, "2026-01-12T10:00:00+08:00", encoding: "GBK");
        repo.Write("b.txt", "b\n").CommitRaw(Encoding.Latin1.GetBytes("Add café menu\n"), "2026-01-12T11:00:00+08:00");

        await ReportAsync("2026-01-12");

        var markdown = workspace.Markdown("demo", "2026-01-12");
        var titles = ReportAssert.Commits(workspace.Json("demo", "2026-01-12")).Select(c => c.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Add café menu", "修复：编码问题"], titles);
        Assert.Contains("修复：编码问题", markdown, StringComparison.Ordinal);
        Assert.Contains("café", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', markdown);
    }

    [Fact]
    public async Task Trailers_are_dropped_from_the_table_and_hostile_titles_stay_in_one_row()
    {
        repo.Write("a.txt", "a\n").Commit(
            "fix: handle a | b\n\nExplain the change.\n\nSigned-off-by: Ada <ada@example.com>\nCo-authored-by: Bob <bob@example.com>\n",
            "2026-01-12T09:00:00+08:00");
        repo.Write("b.txt", "b\n").Commit("feat: `code` with ``ticks`", "2026-01-12T10:00:00+08:00");
        repo.Write("c.txt", "c\n").Commit("<script>alert(1)</script> injected", "2026-01-12T11:00:00+08:00");
        repo.Write("d.txt", "d\n").Commit("# not a heading | also | pipes", "2026-01-12T12:00:00+08:00");

        await ReportAsync("2026-01-12");
        var markdown = workspace.Markdown("demo", "2026-01-12");
        var rows = ReportAssert.TableRows(markdown);

        Assert.Equal(4, rows.Count);
        Assert.DoesNotContain("Signed-off-by", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Co-authored-by", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("| fix: handle a \\| b |", rows[^1], StringComparison.Ordinal);
        Assert.Contains("\n- Explain the change.\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?i)(?<!\\)<script", markdown);
        Assert.DoesNotContain(markdown.Split('\n'), l => l.StartsWith("# not a heading", StringComparison.Ordinal));
        foreach (var row in rows)
        {
            // three cells: | time | author | message |
            var unescapedPipes = row.Where((ch, i) => ch == '|' && (i == 0 || row[i - 1] != '\\')).Count();
            Assert.Equal(4, unescapedPipes);
        }
        var json = workspace.Json("demo", "2026-01-12");
        Assert.Contains(ReportAssert.Commits(json), c => c.GetProperty("title").GetString() == "<script>alert(1)</script> injected");
    }

    [Theory]
    [InlineData(null, "本日无提交")]
    [InlineData("en", "No commits on this day.")]
    public async Task An_empty_day_writes_a_report_saying_so(string? lang, string expected)
    {
        repo.Write("a.txt", "a\n").Commit("elsewhere", "2026-01-10T10:00:00+08:00");

        var summary = await ReportAsync("2026-01-12", lang: lang);

        Assert.Equal(0, summary.ExitCode);
        Assert.Contains(expected, workspace.Markdown("demo", "2026-01-12"), StringComparison.Ordinal);
        Assert.Empty(ReportAssert.TableRows(workspace.Markdown("demo", "2026-01-12")));
        Assert.Equal(0, workspace.Json("demo", "2026-01-12").GetProperty("stats").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Latest_reports_the_last_day_with_commits_even_years_ago()
    {
        repo.Write("a.txt", "a\n").Commit("old work", "2020-06-01T10:00:00+08:00");
        var last = repo.Write("b.txt", "b\n").Commit("last work", "2020-06-03T23:30:00+08:00");

        var summary = await workspace.RunAsync(new ReportArguments { Repositories = [repo.Path], Latest = true });

        Assert.Equal(0, summary.ExitCode);
        Assert.Equal(new DateOnly(2020, 6, 3), Assert.Single(Assert.Single(summary.Repositories).Reports).Day);
        Assert.Equal([last], ReportAssert.Shas(workspace.Json("demo", "2020-06-03")));
        Assert.NotEmpty(ReportAssert.TableRows(workspace.Markdown("demo", "2020-06-03")));
    }

    [Fact]
    public async Task Two_runs_write_byte_identical_files_without_BOM_or_CR()
    {
        repo.Write("a.py", "print('x')\r\n").Commit("feat: windows line ends\r\n\r\nbody\r\n", "2026-01-12T10:00:00+08:00");
        repo.Write("b.md", "doc\n").Commit("docs: 中文说明", "2026-01-12T11:00:00+08:00");

        await ReportAsync("2026-01-12");
        var first = workspace.OutputFiles();
        await ReportAsync("2026-01-12");
        var second = workspace.OutputFiles();

        Assert.Equal(2, first.Count);
        Assert.Equal(first.Keys, second.Keys);
        foreach (var (name, bytes) in first)
        {
            Assert.Equal(bytes, second[name]);
            ReportAssert.NoBomNoCarriageReturn(bytes, name);
        }
    }

    [Fact]
    public async Task Two_repositories_in_one_run_each_get_their_report()
    {
        using var other = TestRepository.Create("other");
        var a = repo.Write("a.txt", "a\n").Commit("in demo", "2026-01-12T10:00:00+08:00");
        var b = other.Write("b.txt", "b\n").Commit("in other", "2026-01-12T11:00:00+08:00");

        var summary = await ReportAsync("2026-01-12", repositories: [repo.Path, other.Path]);

        Assert.Equal(0, summary.ExitCode);
        Assert.Equal([a], ReportAssert.Shas(workspace.Json("demo", "2026-01-12")));
        Assert.Equal([b], ReportAssert.Shas(workspace.Json("other", "2026-01-12")));
    }

    [Fact]
    public async Task A_failing_repository_does_not_stop_the_others()
    {
        repo.Write("a.txt", "a\n").Commit("fine", "2026-01-12T10:00:00+08:00");
        var missing = new Uri(workspace.Combine("missing.git")).AbsoluteUri;

        var summary = await ReportAsync("2026-01-12", repositories: [missing, repo.Path]);

        Assert.Equal(ExitCodes.RepositoryFailed, summary.ExitCode);
        var failed = summary.Repositories.Single(r => !r.Succeeded);
        Assert.Equal("missing", failed.Repository);
        Assert.StartsWith("cannot fetch " + missing, failed.Error, StringComparison.Ordinal);
        Assert.True(workspace.ReportExists("demo", "2026-01-12"));
        Assert.False(Directory.Exists(Path.Combine(workspace.Out, "2026", "missing")));
    }

    [Fact]
    public async Task A_file_remote_is_mirrored_and_a_second_run_sees_new_commits()
    {
        var first = repo.Write("a.txt", "a\n").Commit("first", "2026-01-12T10:00:00+08:00");
        var bare = repo.CloneBare("upstream.git");
        var url = new Uri(bare).AbsoluteUri;

        Assert.Equal(0, (await ReportAsync("2026-01-12", repositories: [url])).ExitCode);
        Assert.Equal([first], ReportAssert.Shas(workspace.Json("upstream", "2026-01-12")));
        var mirrors = Directory.GetDirectories(Path.Combine(workspace.Cache, "mirrors", "local"), "upstream.git", SearchOption.AllDirectories);
        Assert.Single(mirrors);

        var second = repo.Write("b.txt", "b\n").Commit("second", "2026-01-12T12:00:00+08:00");
        repo.Git("push", "-q", bare, "main");

        Assert.Equal(0, (await ReportAsync("2026-01-12", repositories: [url])).ExitCode);
        Assert.Equal([second, first], ReportAssert.Shas(workspace.Json("upstream", "2026-01-12")));
    }

    [Fact]
    public async Task The_store_has_one_work_unit_per_repository_day()
    {
        using var other = TestRepository.Create("other");
        repo.Write("a.txt", "a\n").Commit("a", "2026-01-12T10:00:00+08:00");
        other.Write("b.txt", "b\n").Commit("b", "2026-01-13T10:00:00+08:00");

        var summary = await workspace.RunAsync(new ReportArguments { Repositories = [repo.Path, other.Path], Since = "2026-01-11", Until = "2026-01-13" });
        Assert.Equal(0, summary.ExitCode);

        using var connection = OpenStore();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT repository, day, time_zone, status, commits FROM work_units ORDER BY repository, day";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add($"{Path.GetFileName(reader.GetString(0))} {reader.GetString(1)} {reader.GetString(2)} {reader.GetString(3)} {reader.GetInt32(4)}");
        }
        rows.Sort(StringComparer.Ordinal);
        Assert.Equal(
        [
            "demo 2026-01-11 Asia/Shanghai done 0", "demo 2026-01-12 Asia/Shanghai done 1", "demo 2026-01-13 Asia/Shanghai done 0",
            "other 2026-01-11 Asia/Shanghai done 0", "other 2026-01-12 Asia/Shanghai done 0", "other 2026-01-13 Asia/Shanghai done 1",
        ], rows);
    }

    [Fact]
    public async Task An_empty_day_is_kept_in_the_store_with_the_sha256_of_each_file()
    {
        repo.Write("a.txt", "a\n").Commit("elsewhere", "2026-01-10T10:00:00+08:00");

        Assert.Equal(0, (await ReportAsync("2026-01-12")).ExitCode);

        using var connection = OpenStore();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT w.status, w.commits, w.report_hash, r.format, r.hash FROM work_units w JOIN reports r USING (repository, day, time_zone, variant) ORDER BY r.format";
        using var reader = command.ExecuteReader();
        var formats = new List<string>();
        while (reader.Read())
        {
            var format = reader.GetString(3);
            var file = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(workspace.ReportPath("demo", "2026-01-12", format))));
            Assert.Equal(("done", 0, file), (reader.GetString(0), reader.GetInt32(1), reader.GetString(4)));
            if (format == "md")
            {
                Assert.Equal(file, reader.GetString(2));
            }
            formats.Add(format);
        }
        Assert.Equal(["json", "md"], formats);
    }

    [Fact]
    public async Task A_commit_touching_thousands_of_files_lists_each_with_its_role_in_the_file_and_the_store()
    {
        string[] folders = ["vendor/lib", "tests/unit", "docs/guide", "src/api/v1", "src/core"];
        for (var i = 0; i < 2500; i++)
        {
            var path = Path.Combine(repo.Path, folders[i % 5], $"f{i:0000}.{(i % 5 == 2 ? "md" : "cs")}");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, $"{i}\n");
        }
        repo.Git("add", "-A");
        var sha = repo.Commit("chore: regenerate the clients", "2026-01-12T10:00:00+08:00");

        Assert.Equal(0, (await ReportAsync("2026-01-12")).ExitCode);

        var files = ReportAssert.CommitBySha(workspace.Json("demo", "2026-01-12"), sha).GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(2500, files.Count);
        var roles = files.GroupBy(f => f.GetProperty("role").GetString()).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["vendored"] = 500, ["test"] = 500, ["docs"] = 500, ["source"] = 1000 }, roles);
        // The store keeps the very bytes of the file (a publish job on another machine delivers from there).
        using var connection = OpenStore();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT content, typeof(content) FROM reports WHERE format = 'json'";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("text", reader.GetString(1));
        Assert.Equal(File.ReadAllBytes(workspace.ReportPath("demo", "2026-01-12", "json")), Encoding.UTF8.GetBytes(reader.GetString(0)));
    }

    [Fact]
    public async Task A_dry_run_returns_the_markdown_and_writes_nothing()
    {
        repo.Write("a.txt", "a\n").Commit("dry", "2026-01-12T10:00:00+08:00");

        var summary = await workspace.RunAsync(new ReportArguments { Repositories = [repo.Path], Date = "2026-01-12", DryRun = true });

        var report = Assert.Single(Assert.Single(summary.Repositories).Reports);
        Assert.Contains("dry", report.Markdown, StringComparison.Ordinal);
        Assert.Empty(report.Files);
        Assert.False(Directory.Exists(workspace.Out));
        Assert.False(File.Exists(Path.Combine(workspace.Cache, "gitbrief.db")));
    }

    /// <summary>The workspace's SQLite store, opened read-only as a reader of what the runs kept.</summary>
    private SqliteConnection OpenStore()
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(workspace.Cache, "gitbrief.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        return connection;
    }
}
