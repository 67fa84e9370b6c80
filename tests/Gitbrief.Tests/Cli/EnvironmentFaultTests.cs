using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Gitbrief.Pipeline;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Cli;

/// <summary>Faults of the machine are not bugs: a full or read-only disk under the store or the reports, a port in
/// use — exit 1 with one line saying what failed, where, and what to do; finished days are kept; never exit 70.</summary>
public sealed class EnvironmentFaultTests : IDisposable
{
    private const string First = "2026-01-10";
    private const string Last = "2026-01-15";
    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repository = TestRepository.Create("backfill");

    public EnvironmentFaultTests()
    {
        for (var day = 0; day < 6; day++)
        {
            var time = new DateTimeOffset(2026, 1, 10 + day, 10, 0, 0, TimeSpan.FromHours(8));
            repository.WriteLines($"src/day{day}.py", 40, $"value_{day} = 'a line long enough to make the reports take a few kilobytes'")
                .Commit($"feat: day {day}", time.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
        }
    }

    public void Dispose()
    {
        workspace.Dispose();
        repository.Dispose();
    }

    private static void AssertNotABug(CliResult result)
    {
        Assert.True(result.ExitCode == ExitCodes.RepositoryFailed, result.ToString());
        Assert.DoesNotContain("this is a bug", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite Error", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_disk_under_the_store_is_exit_1_naming_the_store_and_what_to_do()
    {
        var result = DiskFault.Tiny(workspace.Cache, 64, fill: true)
            .Run(workspace, ["report", "--repo", repository.Path, "--since", First, "--until", Last]);

        AssertNotABug(result);
        var store = Path.Combine(workspace.Cache, "gitbrief.db");
        Assert.Contains($"the store {store}: the disk is full; free some space there or point --cache-dir (cache_dir:) somewhere else", result.Stderr,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_store_is_exit_1_naming_the_store_and_what_to_do()
    {
        var first = workspace.Cli("report", "--repo", repository.Path, "--date", First);
        Assert.Equal(0, first.ExitCode);

        var result = DiskFault.ReadOnly(workspace.Cache).Run(workspace, ["report", "--repo", repository.Path, "--since", First, "--until", Last]);

        AssertNotABug(result);
        Assert.Contains($"the store {Path.Combine(workspace.Cache, "gitbrief.db")}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("writable", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disk_filling_up_during_a_backfill_keeps_the_finished_days_and_names_the_file_it_could_not_write()
    {
        var kept = workspace.Combine("kept");

        var result = DiskFault.Tiny(workspace.Out, 24).Run(workspace, ["report", "--repo", repository.Path, "--since", First, "--until", Last], kept);

        AssertNotABug(result);
        var error = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("gitbrief: error:", StringComparison.Ordinal));
        Assert.Matches(@"^gitbrief: error: backfill: cannot write .*/out/2026/backfill/2026-01-1\d\.(md|json): the disk is full; free some space there or use another directory", error);
        var written = Directory.EnumerateFiles(kept, "*.md", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension).Order().ToList();
        Assert.NotEmpty(written);
        Assert.True(written.Count < 6, "the tiny disk should not have held every day");
        Assert.Equal(First, written[0]);
        Assert.Empty(Directory.EnumerateFiles(kept, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_read_only_output_directory_is_exit_1_with_what_to_do()
    {
        var result = DiskFault.ReadOnly(workspace.Out).Run(workspace, ["report", "--repo", repository.Path, "--date", First]);

        AssertNotABug(result);
        Assert.Contains("the file system is read-only; remount it writable or use another directory", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_in_use_is_exit_1_with_one_line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        Directory.CreateDirectory(workspace.Combine("site"));

        var result = CliRunner.Run(workspace.Root, "serve", "--port", port, "--dir", workspace.Combine("site"));

        AssertNotABug(result);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("gitbrief: error: cannot listen on http://127.0.0.1:" + port, line, StringComparison.Ordinal);
        Assert.Contains("--port", line, StringComparison.Ordinal);
    }
}
