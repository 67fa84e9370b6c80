using System.Globalization;
using System.Text;

namespace Gitbrief.Bench;

/// <summary>bench/out/wide-repo: one commit on <see cref="Day"/> that changes one line in each of
/// <see cref="Files"/> files added the day before, the "one commit touching 20,000 files" of a vendored
/// tree or a mass reformat. Generated with one <c>git fast-import</c> stream (a few seconds), kept while its
/// version stamp matches.</summary>
internal static class WideCommitRepository
{
    public const string Version = "gitbrief-bench-wide v1";
    public const int Files = 20_000;
    public static readonly DateOnly Day = new(2025, 1, 15);

    public static Task<GeneratedRepository> EnsureAsync(string outDirectory, bool force) =>
        CachedRepository.EnsureAsync(outDirectory, "wide-repo", Version, force, async directory =>
        {
            await CachedRepository.FastImportAsync(directory, WriteHistory).ConfigureAwait(false);
            await ProcessRunner.GitAsync(directory, "reset", "-q", "--hard", "main").ConfigureAwait(false);
        });

    private static void WriteHistory(Stream output)
    {
        WriteCommit(output, Day.AddDays(-1), "chore: import the generated API clients\n", revision: 1);
        WriteCommit(output, Day, "refactor: rename Acme.Clients to Acme.Api.Clients in every generated client\n", revision: 2);
        RepositoryGenerator.Write(output, "done\n");
    }

    private static void WriteCommit(Stream output, DateOnly day, string message, int revision)
    {
        WriteCommitHeader(output, new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)), message);
        for (var i = 0; i < Files; i++)
        {
            var name = i.ToString("00000", CultureInfo.InvariantCulture);
            var space = revision == 1 ? "Acme.Clients" : "Acme.Api.Clients";
            RepositoryGenerator.Write(output, $"M 100644 inline src/clients/group{i / 250:000}/Client{name}.cs\n");
            RepositoryGenerator.WriteData(output, Encoding.UTF8.GetBytes(
                $"namespace {space};\n\n/// <summary>Generated client {name}.</summary>\npublic sealed class Client{name}\n{{\n"
                + $"    public string Name => \"client-{name}\";\n}}\n"));
        }
        RepositoryGenerator.Write(output, "\n");
    }

    /// <summary>A commit on main by Alice Chen at <paramref name="time"/> (+0800), its files to follow.</summary>
    internal static void WriteCommitHeader(Stream output, DateTimeOffset time, string message)
    {
        var seconds = time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        RepositoryGenerator.Write(output, "commit refs/heads/main\n");
        RepositoryGenerator.Write(output, $"author Alice Chen <alice.chen@acme.dev> {seconds} +0800\n");
        RepositoryGenerator.Write(output, $"committer Alice Chen <alice.chen@acme.dev> {seconds} +0800\n");
        RepositoryGenerator.WriteData(output, Encoding.UTF8.GetBytes(message));
    }
}
