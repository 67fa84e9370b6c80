using Gitbrief.Analysis;
using Gitbrief.Configuration;
using Gitbrief.Pipeline;
using Gitbrief.Reports;
using Gitbrief.Tests.Analysis;
using Gitbrief.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Gitbrief.Tests.Pipeline;

/// <summary>The repository profile of the ranking: read from the repository as it stood when the report's week began,
/// kept in the store under that commit, and never read for a day without commits.</summary>
public sealed class ProfileSourceTests : IDisposable
{
    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repo = TestRepository.Create("demo");

    public void Dispose()
    {
        repo.Dispose();
        workspace.Dispose();
    }

    [Fact]
    public async Task The_profile_of_a_week_is_read_once_at_its_start_and_gives_the_same_reports_when_kept()
    {
        for (var i = 0; i < 14; i++)
        {
            repo.Write($"src/core/part{i}.cs", $"class Part{i} {{}}\n");
        }
        repo.Write("contrib/tool.py", "print(1)\n");
        var weekBefore = repo.Commit("feat: the core", "2026-01-07T10:00:00+08:00");
        // 2026-01-12 is a Monday: its week and the Wednesday's begin after the commit above.
        repo.Write("src/core/part0.cs", "class Part0 { int x; }\n").Commit("fix: part zero", "2026-01-12T09:00:00+08:00");
        repo.Write("contrib/tool.py", "print(2)\n").Commit("chore: tool prints two", "2026-01-14T09:00:00+08:00");

        Assert.Equal(0, (await ReportAsync(workspace, "2026-01-12")).ExitCode);
        Assert.Equal([weekBefore], KeptProfiles(workspace));
        Assert.Equal(0, (await ReportAsync(workspace, "2026-01-14")).ExitCode);
        Assert.Equal([weekBefore], KeptProfiles(workspace));

        // The Wednesday read afresh (no store yet) and with the kept profile: the same bytes.
        using var fresh = new ReportWorkspace();
        Assert.Equal(0, (await ReportAsync(fresh, "2026-01-14")).ExitCode);
        Assert.Equal(fresh.Markdown("demo", "2026-01-14"), workspace.Markdown("demo", "2026-01-14"));
        Assert.Equal(File.ReadAllBytes(fresh.ReportPath("demo", "2026-01-14", "json")), File.ReadAllBytes(workspace.ReportPath("demo", "2026-01-14", "json")));
    }

    [Fact]
    public async Task The_profile_counts_each_source_file_of_the_tree_and_each_recent_change_in_its_directory_in_the_order_met()
    {
        repo.Write("src/core/a.cs", "class A {}\n").Write("src/core/b.cs", "class B {}\n").Write("src/util/c.py", "c = 1\n")
            .Write("README.md", "# demo\n").Write("main.go", "package main\n").Write("docs/guide.md", "guide\n")
            .Commit("feat: start", "2026-01-07T10:00:00+08:00");
        repo.Write("src/core/a.cs", "class A { int x; }\n").Write("tools/gen.py", "g = 1\n").Write("docs/guide.md", "guide 2\n")
            .Commit("feat: more", "2026-01-08T10:00:00+08:00");
        repo.Write("src/core/a.cs", "class A { int y; }\n").Commit("fix: a", "2026-01-09T10:00:00+08:00");

        var profile = await RepositoryProfile.ReadAsync(repo.Path, "HEAD", CancellationToken.None);

        Assert.Equal(
            [" 1/1", "src/core 2/4", "src/util 1/1", "tools 1/1"],
            profile.DirectCounts.Select(p => $"{p.Key} {p.Value.Files}/{p.Value.Changes}"));
    }

    [Fact]
    public async Task A_deps_folder_the_recent_work_lands_in_is_the_repositorys_own_code_and_a_synced_one_stays_bundled()
    {
        // RabbitMQ's layout: every application of its own under deps/, worked on every day.
        for (var i = 0; i < 14; i++)
        {
            repo.Write($"deps/rabbit/src/part{i}.erl", $"-module(part{i}).\n");
        }
        repo.Write("selenium/test/login.js", "test(1)\n").Commit("feat: the broker", "2026-01-05T10:00:00+08:00");
        for (var i = 0; i < 5; i++)
        {
            repo.Write($"deps/rabbit/src/part{i}.erl", $"-module(part{i}). % {i}\n").Commit($"fix: part {i}", $"2026-01-0{6 + i / 3}T1{i}:00:00+08:00");
        }
        var own = await RepositoryProfile.ReadAsync(repo.Path, "HEAD", CancellationToken.None);

        Assert.Equal(["deps"], own.OwnBundleRoots);
        Assert.Contains("deps/rabbit/src", own.DirectCounts.Keys);
        var fix = new RulesAnalyzer(ImportanceWeights.Default, ReportLanguage.En, profile: own)
            .Analyze(CommitBuilder.Message("Fix queue leader election after a partition").File("deps/rabbit/src/part3.erl", 12, 4).Build());
        Assert.Equal(FileRole.Source, Assert.Single(fix.Files).Role);
        Assert.Equal(ImportanceLevel.Medium, fix.Importance.Level);
        Assert.DoesNotContain("cap", fix.ReasonCodes());

        // Redis's layout: its code under src/, a bundled Lua under deps/ synced once.
        using var redis = TestRepository.Create("redis");
        for (var i = 0; i < 14; i++)
        {
            redis.Write($"src/part{i}.c", $"int part{i};\n").Write($"deps/lua/src/l{i}.c", $"int l{i};\n");
        }
        redis.Commit("feat: the server", "2026-01-05T10:00:00+08:00");
        for (var i = 0; i < 5; i++)
        {
            redis.Write($"src/part{i}.c", $"int part{i} = {i};\n").Commit($"fix: part {i}", $"2026-01-0{6 + i / 3}T1{i}:00:00+08:00");
        }
        redis.Write("deps/lua/src/l0.c", "int l0 = 1;\n").Commit("Update Lua", "2026-01-09T10:00:00+08:00");
        var bundled = await RepositoryProfile.ReadAsync(redis.Path, "HEAD", CancellationToken.None);

        Assert.Empty(bundled.OwnBundleRoots);
        Assert.DoesNotContain(bundled.DirectCounts.Keys, d => d.StartsWith("deps", StringComparison.Ordinal));
        var sync = new RulesAnalyzer(ImportanceWeights.Default, ReportLanguage.En, profile: bundled)
            .Analyze(CommitBuilder.Message("Fix a crash in the Lua parser").File("deps/lua/src/l3.c", 12, 4).Build());
        Assert.Equal(FileRole.Vendored, Assert.Single(sync.Files).Role);
    }

    [Fact]
    public async Task A_repository_younger_than_its_week_is_profiled_at_its_newest_commit_and_kept_under_it()
    {
        for (var i = 0; i < 14; i++)
        {
            repo.Write($"src/core/part{i}.cs", $"class Part{i} {{}}\n");
        }
        repo.Write("contrib/tool.py", "print(1)\n");
        // 2026-01-12 is a Monday: nothing was committed before the week of the Wednesday began.
        repo.Commit("feat: the core", "2026-01-12T09:00:00+08:00");
        var first = repo.Write("contrib/tool.py", "print(2)\n").Commit("chore: tool prints two", "2026-01-14T09:00:00+08:00");

        Assert.Equal(0, (await ReportAsync(workspace, "2026-01-14")).ExitCode);
        Assert.Equal([first], KeptProfiles(workspace));
        var markdown = workspace.Markdown("demo", "2026-01-14");
        var json = File.ReadAllBytes(workspace.ReportPath("demo", "2026-01-14", "json"));

        // A re-run takes the kept profile and writes the same bytes as the run that read it.
        Assert.Equal(0, (await ReportAsync(workspace, "2026-01-14")).ExitCode);
        Assert.Equal([first], KeptProfiles(workspace));
        Assert.Equal(markdown, workspace.Markdown("demo", "2026-01-14"));
        Assert.Equal(json, File.ReadAllBytes(workspace.ReportPath("demo", "2026-01-14", "json")));

        // A new commit is a new state of the repository: read again and kept under it.
        var second = repo.Write("src/core/part0.cs", "class Part0 { int x; }\n").Commit("fix: part zero", "2026-01-14T11:00:00+08:00");
        Assert.Equal(0, (await ReportAsync(workspace, "2026-01-14")).ExitCode);
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), KeptProfiles(workspace));
    }

    [Fact]
    public async Task A_day_without_commits_reads_no_profile()
    {
        repo.Write("src/a.cs", "class A {}\n").Commit("feat: a", "2026-01-07T10:00:00+08:00");

        Assert.Equal(0, (await ReportAsync(workspace, "2026-01-13")).ExitCode);

        Assert.True(workspace.ReportExists("demo", "2026-01-13"));
        Assert.Empty(KeptProfiles(workspace));
    }

    [Fact]
    public void A_kept_profile_places_every_file_as_the_one_read()
    {
        var counts = new Dictionary<string, DirectoryWeight>(StringComparer.Ordinal)
        {
            [""] = new(2, 1),
            ["src/core"] = new(40, 30),
            ["src/core/inner"] = new(9, 2),
            ["contrib/\"quoted\" name"] = new(1, 0),
            ["第三方/库\nline"] = new(3, 1),
            ["docs"] = new(0, 4),
        };
        var read = new RepositoryProfile(counts);

        var kept = ProfileSource.Parse(ProfileSource.Serialize(read));

        Assert.NotNull(kept);
        Assert.Equal(read.DirectCounts.OrderBy(p => p.Key, StringComparer.Ordinal), kept.DirectCounts.OrderBy(p => p.Key, StringComparer.Ordinal));
        foreach (var path in new[] { "main.cs", "src/core/a.cs", "src/core/inner/b.cs", "contrib/\"quoted\" name/t.py", "第三方/库\nline/x.c", "docs/y.cs" })
        {
            Assert.Equal(read.PlacementOf(path), kept.PlacementOf(path));
        }
        Assert.Equal(ProfileSource.Serialize(read), ProfileSource.Serialize(kept));
        Assert.Null(ProfileSource.Parse("not json"));
        Assert.Null(ProfileSource.Parse("{\"src\": [1]}"));
    }

    private Task<RunSummary> ReportAsync(ReportWorkspace where, string date) =>
        where.RunAsync(new ReportArguments { Repositories = [repo.Path], Date = date });

    /// <summary>The commits whose profile the store keeps.</summary>
    private static List<string> KeptProfiles(ReportWorkspace where)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(where.Cache, "gitbrief.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT subject FROM analyses WHERE model = $model ORDER BY subject";
        command.Parameters.AddWithValue("$model", ProfileSource.CacheModel);
        using var reader = command.ExecuteReader();
        var subjects = new List<string>();
        while (reader.Read())
        {
            subjects.Add(reader.GetString(0));
        }
        return subjects;
    }
}
