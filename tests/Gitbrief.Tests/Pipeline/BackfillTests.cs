using System.Diagnostics;
using System.Security.Cryptography;
using Gitbrief.Pipeline;
using Gitbrief.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Gitbrief.Tests.Pipeline;

/// <summary>A report over a long window (a backfill of a repository's history), with the store: what is kept when the
/// run is killed midway, and that the days, reported on several cores, come out as one after the other would.</summary>
public sealed class BackfillTests : IDisposable
{
    private const string First = "2019-01-01";
    private const string Last = "2026-06-30";
    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repo = TestRepository.Create("demo");

    public void Dispose()
    {
        repo.Dispose();
        workspace.Dispose();
    }

    private string Database => Path.Combine(workspace.Cache, "gitbrief.db");

    /// <summary>A commit every 90 days over the window, so that days with and without commits alternate.</summary>
    private void CommitAcrossTheWindow()
    {
        var day = DateOnly.Parse(First, System.Globalization.CultureInfo.InvariantCulture).AddDays(3);
        for (var i = 0; day <= DateOnly.Parse(Last, System.Globalization.CultureInfo.InvariantCulture); i++, day = day.AddDays(90))
        {
            repo.Write($"src/f{i % 7}.cs", $"class F{i} {{ }}\n").Commit($"feat: change {i}", $"{ReportWorkspace.Day(day)}T10:00:00+08:00");
        }
    }

    [Fact]
    public async Task A_killed_backfill_keeps_every_day_it_finished_whole_and_the_next_run_finishes_the_rest_without_rewriting_them()
    {
        CommitAcrossTheWindow();
        var total = DateOnly.Parse(Last, System.Globalization.CultureInfo.InvariantCulture).DayNumber
            - DateOnly.Parse(First, System.Globalization.CultureInfo.InvariantCulture).DayNumber + 1;

        using (var process = Start())
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (Scalar("SELECT COUNT(*) FROM work_units") < 20)
            {
                Assert.True(DateTime.UtcNow < deadline, "the backfill recorded no 20 days within 120 s");
                Assert.False(process.HasExited, "the backfill ended before it could be killed");
                await Task.Delay(20);
            }
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        // Every day the store says is done is there whole: both reports kept, both files written with those bytes; no
        // report is kept for a day that is not recorded.
        var done = Units();
        Assert.InRange(done.Count, 20, total - 1);
        Assert.Equal(2 * done.Count, Scalar("SELECT COUNT(*) FROM reports"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM work_units u WHERE u.repository = r.repository AND u.day = r.day)"));
        var before = new Dictionary<string, (byte[] Bytes, DateTime Written)>(StringComparer.Ordinal);
        foreach (var (path, content) in Kept())
        {
            var file = Path.Combine(workspace.Out, path);
            Assert.True(File.Exists(file), $"{path} is recorded as done but was not written");
            Assert.Equal(content, File.ReadAllBytes(file));
            before[file] = (content, File.GetLastWriteTimeUtc(file));
        }
        Assert.All(done, u => Assert.Equal("done", u.Status));

        // The killed run's claims run out with their lease (60 s); the test lets them run out at once.
        Execute("DELETE FROM claims");
        var result = workspace.Cli("report", "--repo", repo.Path, "--since", First, "--until", Last, "--quiet");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(total, Units().Count);
        Assert.Equal(2 * total, Scalar("SELECT COUNT(*) FROM reports"));
        Assert.Empty(Query("SELECT scope || ' ' || day || ' ' || owner FROM claims", r => r.GetString(0)));
        // A file being written when the run was killed is left as its temporary (.DATE.md.PID.….tmp), never half a report.
        Assert.Equal(2 * total, workspace.OutputFiles().Keys.Count(k => !k.EndsWith(".tmp", StringComparison.Ordinal)));
        foreach (var (file, (bytes, written)) in before)
        {
            Assert.Equal(bytes, File.ReadAllBytes(file));
            Assert.Equal(written, File.GetLastWriteTimeUtc(file));
        }
    }

    [Fact]
    public async Task Days_reported_on_several_cores_come_out_in_order_and_as_single_days_would()
    {
        CommitAcrossTheWindow();
        using var single = new ReportWorkspace();
        var commitDays = repo.Git("log", "--format=%cd", "--date=format:%Y-%m-%d", "--since=2024-01-01", "--until=2024-12-31")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var summary = await workspace.RunAsync(new ReportArguments { Repositories = [repo.Path], Since = "2024-01-01", Until = "2024-12-31" });
        var checkedDays = commitDays.Append("2024-12-30").Distinct().ToList();
        foreach (var day in checkedDays)
        {
            await single.RunAsync(new ReportArguments { Repositories = [repo.Path], Date = day });
        }

        Assert.Equal(0, summary.ExitCode);
        var days = Assert.Single(summary.Repositories).Reports.Select(r => r.Day).ToList();
        Assert.Equal(366, days.Count);
        Assert.Equal(days.Order(), days);
        Assert.Equal(366, Units().Count);
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM claims"));
        Assert.True(commitDays.Length >= 4, $"the window has {commitDays.Length} days with commits");
        var all = workspace.OutputFiles();
        Assert.Equal(2 * checkedDays.Count, single.OutputFiles().Count);
        foreach (var (path, bytes) in single.OutputFiles())
        {
            Assert.Equal(System.Text.Encoding.UTF8.GetString(bytes), System.Text.Encoding.UTF8.GetString(all[path]));
        }
    }

    private Process Start()
    {
        var start = CliRunner.StartInfo(workspace.Root, null, [],
            ["report", "--repo", repo.Path, "--since", First, "--until", Last, "--out", workspace.Out, "--cache-dir", workspace.Cache, "--quiet"]);
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private List<(string Day, string Status)> Units() =>
        Query("SELECT day, status FROM work_units ORDER BY day", r => (r.GetString(0), r.GetString(1)));

    /// <summary>Every kept report: its path under the output directory and its bytes, which are SHA-256 <c>hash</c>.</summary>
    private List<(string Path, byte[] Content)> Kept() =>
        Query("SELECT path, CAST(content AS BLOB), hash FROM reports ORDER BY path", r =>
        {
            var content = (byte[])r.GetValue(1);
            Assert.Equal(r.GetString(2), Convert.ToHexStringLower(SHA256.HashData(content)));
            return (r.GetString(0), content);
        });

    private long Scalar(string sql) => File.Exists(Database) ? Query(sql, r => r.GetInt64(0)).SingleOrDefault() : 0;

    private void Execute(string sql)
    {
        using var connection = Open(SqliteOpenMode.ReadWrite);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The rows of <paramref name="sql"/>; none while the run has not created its tables yet.</summary>
    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read)
    {
        try
        {
            using var connection = Open(SqliteOpenMode.ReadOnly);
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }
            return rows;
        }
        catch (SqliteException e) when (e.Message.Contains("no such table", StringComparison.Ordinal))
        {
            return [];
        }
    }

    private SqliteConnection Open(SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }
}
