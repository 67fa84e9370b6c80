using Gitbrief.Pipeline;
using Gitbrief.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Gitbrief.Tests.Pipeline;

/// <summary>A commit touching thousands of files makes a report of megabytes, whose making's garbage is collected before
/// the store keeps it (ReportJob.LargeReportBytes): the report is still whole, in its file and in the store.</summary>
public sealed class LargeReportTests : IDisposable
{
    private const int Files = 2_200;

    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repo = TestRepository.Create("demo");

    public void Dispose()
    {
        repo.Dispose();
        workspace.Dispose();
    }

    [Fact]
    public async Task A_commit_touching_thousands_of_files_is_reported_whole_and_kept_whole()
    {
        // Long paths (three directories of 200 characters): two thousand of them make more than 2 MiB of JSON.
        var directory = string.Join('/', "src", new string('a', 200), new string('b', 200), new string('c', 200));
        Directory.CreateDirectory(Path.Combine(repo.Path, directory));
        for (var i = 0; i < Files; i++)
        {
            File.WriteAllText(Path.Combine(repo.Path, directory, $"client_{i:0000}_{new string('d', 200)}.cs"), $"class C{i} {{}}\n");
        }
        repo.Git("add", "-A");
        repo.Commit("feat: generated clients", "2026-01-14T09:00:00+08:00");

        Assert.Equal(0, (await workspace.RunAsync(new ReportArguments { Repositories = [repo.Path], Date = "2026-01-14" })).ExitCode);

        var json = File.ReadAllBytes(workspace.ReportPath("demo", "2026-01-14", "json"));
        Assert.True(json.Length >= 2 << 20, $"the report is {json.Length} bytes: too small to be a large one");
        var files = workspace.Json("demo", "2026-01-14").GetProperty("commits")[0].GetProperty("files");
        Assert.Equal(Files, files.GetArrayLength());
        Assert.Equal($"{directory}/client_{Files - 1}_{new string('d', 200)}.cs", files[Files - 1].GetProperty("path").GetString());
        Assert.Equal(json, StoredJson());
    }

    /// <summary>The JSON report the store keeps, as its bytes.</summary>
    private byte[] StoredJson()
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(workspace.Cache, "gitbrief.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT CAST(content AS BLOB) FROM reports WHERE format = 'json'";
        return (byte[])command.ExecuteScalar()!;
    }
}
