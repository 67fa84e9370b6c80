using System.Globalization;
using System.Text;
using System.Text.Json;
using Gitbrief.Configuration;
using Gitbrief.Pipeline;

namespace Gitbrief.Tests.Support;

/// <summary>A temp directory with an output directory and a private cache directory, plus helpers to run
/// reports (through the library or the real command line) and read the files they write.</summary>
public sealed class ReportWorkspace : IDisposable
{
    private static readonly DateTimeOffset FixedNow = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory directory = new("gitbrief-ws");

    public ReportWorkspace()
    {
        Out = directory.Combine("out");
        Cache = directory.Combine("cache");
    }

    public string Root => directory.Path;

    public string Out { get; }

    public string Cache { get; }

    public string Combine(params string[] parts) => directory.Combine(parts);

    /// <summary>Writes a file in the workspace (e.g. gitbrief.yaml) and returns its path.</summary>
    public string WriteFile(string name, string content)
    {
        var path = directory.Combine(name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Runs the command line in the workspace with this workspace's --out and --cache-dir.</summary>
    public CliResult Cli(params string[] arguments) => Cli(null, arguments);

    public CliResult Cli(IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        CliRunner.Run(Root, environment, [.. arguments, "--out", Out, "--cache-dir", Cache]);

    /// <summary>Runs the library pipeline (resolver + job) in-process with this workspace's output and cache.</summary>
    public Task<RunSummary> RunAsync(ReportArguments arguments, GitbriefConfig? config = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var request = RequestResolver.Resolve(
            arguments with { OutputDirectory = arguments.OutputDirectory ?? Out, CacheDirectory = arguments.CacheDirectory ?? Cache },
            config ?? GitbriefConfig.Empty,
            Root,
            FixedNow,
            environment is null ? null : name => environment.GetValueOrDefault(name));
        return new ReportJob(request).RunAsync(CancellationToken.None);
    }

    /// <summary>Reports one repository's day in English (UTC) through the library and returns its JSON report; the run
    /// must succeed.</summary>
    public async Task<JsonElement> ReportJsonAsync(TestRepository repository, string name, string date)
    {
        var config = ConfigLoader.Parse($"language: en\ntimezone: UTC\nrepositories:\n  - repo: {repository.Path}\n", "gitbrief.yaml");
        var summary = await RunAsync(new ReportArguments { Date = date }, config);
        Assert.Equal(ExitCodes.Success, summary.ExitCode);
        return Json(name, date);
    }

    public string ReportPath(string repositoryName, string date, string extension) =>
        Path.Combine(Out, date[..4], repositoryName, $"{date}.{extension}");

    public bool ReportExists(string repositoryName, string date, string extension = "md") =>
        File.Exists(ReportPath(repositoryName, date, extension));

    public string Markdown(string repositoryName, string date) => ReadUtf8(ReportPath(repositoryName, date, "md"));

    public JsonElement Json(string repositoryName, string date)
    {
        using var document = JsonDocument.Parse(ReadUtf8(ReportPath(repositoryName, date, "json")));
        return document.RootElement.Clone();
    }

    /// <summary>Every file below the output directory, relative path → bytes, in a stable order.</summary>
    public SortedDictionary<string, byte[]> OutputFiles()
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (Directory.Exists(Out))
        {
            foreach (var file in Directory.EnumerateFiles(Out, "*", SearchOption.AllDirectories))
            {
                files[Path.GetRelativePath(Out, file)] = File.ReadAllBytes(file);
            }
        }
        return files;
    }

    private static string ReadUtf8(string path) => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(path));

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Dispose() => directory.Dispose();
}
