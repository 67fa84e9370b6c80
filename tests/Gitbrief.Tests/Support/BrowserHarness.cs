using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Gitbrief.Tests.Support;

/// <summary>What tests/e2e/site.spec.mjs reported: its exit code, the JSON result line and the output.</summary>
public sealed record BrowserRun(int ExitCode, JsonElement? Result, string Stdout, string Stderr, string ScreenshotPath)
{
    public bool Ok => ExitCode == 0 && Result is { } result && result.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True;

    public override string ToString() =>
        $"node tests/e2e/site.spec.mjs exited {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>Runs the real-browser end-to-end check (tests/e2e/site.spec.mjs: Debian chromium driven by
/// playwright-core) against a site served on 127.0.0.1. Chromium, node, the npm packages and a CJK font (the day
/// page's Chinese, in the screenshot) are required, not optional: when one is missing the test fails and says
/// what to install (.ci/run installs them).</summary>
public static class BrowserHarness
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The repository root (the directory holding Gitbrief.slnx), found upwards from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SpecPath => Path.Combine(RepositoryRoot, "tests", "e2e", "site.spec.mjs");

    /// <summary>Where screenshots are kept for humans: bin/…/e2e-screenshots next to the test assembly.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "e2e-screenshots");

    /// <summary>Serves <paramref name="siteDirectory"/>, opens <paramref name="dayPage"/> (relative to the site
    /// root) in chromium, checks the high-importance filter shows <paramref name="expectedHigh"/> commits and
    /// that searching search.html for <paramref name="author"/> lists <paramref name="title"/>; keeps a full-page
    /// screenshot of the day page under <see cref="ScreenshotDirectory"/>. Fails the test on any problem.</summary>
    public static async Task<BrowserRun> RunAsync(string siteDirectory, string dayPage, int expectedHigh, string author, string title, string? screenshotName = null)
    {
        await using var server = await StaticSiteServer.StartAsync(siteDirectory);
        return await RunAtAsync(server.BaseUrl, dayPage, expectedHigh, author, title, screenshotName);
    }

    /// <summary>The same check against a site already served at <paramref name="baseUrl"/> (e.g. by <c>gitbrief serve</c>).
    /// <paramref name="environment"/> adds variables to the browser's environment (and to the font check's).</summary>
    public static async Task<BrowserRun> RunAtAsync(
        string baseUrl, string dayPage, int expectedHigh, string author, string title, string? screenshotName = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var node = RequireTools(environment);
        Directory.CreateDirectory(ScreenshotDirectory);
        var screenshot = Path.Combine(ScreenshotDirectory, (screenshotName ?? Path.GetFileNameWithoutExtension(dayPage)) + ".png");
        File.Delete(screenshot);

        var run = await RunNodeAsync(node, [SpecPath, baseUrl, dayPage, expectedHigh.ToString(System.Globalization.CultureInfo.InvariantCulture), author, title, screenshot],
            screenshot, environment);
        Assert.True(run.ExitCode == 0, $"browser end-to-end check failed (site {baseUrl}):\n{run}");
        Assert.True(run.Ok, $"no {{\"ok\":true}} JSON result line:\n{run}");
        Assert.True(File.Exists(screenshot), $"no screenshot at {screenshot}\n{run}");
        return run;
    }

    /// <summary>node on PATH, chromium at /usr/bin/chromium, tests/e2e/node_modules/playwright-core and a font for
    /// Chinese (else the screenshot shows boxes and still "passes"), or a failing assertion naming the install command.</summary>
    private static string RequireTools(IReadOnlyDictionary<string, string>? environment)
    {
        var missing = new List<string>();
        var node = FindOnPath("node");
        if (node is null)
        {
            missing.Add("node is not on PATH: apt-get install -y --no-install-recommends nodejs npm");
        }
        if (!File.Exists(ChromiumPath))
        {
            missing.Add($"chromium is missing ({ChromiumPath}): apt-get install -y --no-install-recommends chromium");
        }
        if (!File.Exists(Path.Combine(RepositoryRoot, "tests", "e2e", "node_modules", "playwright-core", "package.json")))
        {
            missing.Add("playwright-core is not installed: npm ci --prefix tests/e2e");
        }
        if (!File.Exists(SpecPath))
        {
            missing.Add($"the spec is missing: {SpecPath}");
        }
        if (CjkFontProblem(environment) is { } font)
        {
            missing.Add(font);
        }
        Assert.True(missing.Count == 0,
            "the browser end-to-end test needs tools that are not installed (.ci/run installs them):\n  " + string.Join("\n  ", missing));
        return node!;
    }

    /// <summary>Why Chinese text would not render (fontconfig knows no font for it), or null.</summary>
    private static string? CjkFontProblem(IReadOnlyDictionary<string, string>? environment)
    {
        const string install = "apt-get install -y --no-install-recommends fonts-wqy-zenhei";
        if (FindOnPath("fc-list") is not { } fcList)
        {
            return $"fc-list is not on PATH, so no CJK font can be checked for: apt-get install -y --no-install-recommends fontconfig; {install}";
        }
        var start = new ProcessStartInfo(fcList) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { ":lang=zh", "family" })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start fc-list");
        var fonts = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return fonts.Trim().Length == 0
            ? $"no CJK font: 'fc-list :lang=zh' lists none, so the screenshots would show boxes instead of Chinese: {install}"
            : null;
    }

    private static async Task<BrowserRun> RunNodeAsync(string node, IReadOnlyList<string> arguments, string screenshot, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // No proxy: everything the browser may load is on 127.0.0.1.
        foreach (var name in new[] { "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy" })
        {
            start.Environment.Remove(name);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {node}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"node tests/e2e/site.spec.mjs did not finish within {Timeout.TotalSeconds:0} s\n--- stdout ---\n{await stdout}\n--- stderr ---\n{await stderr}");
        }
        var output = await stdout;
        var error = await stderr;
        return new BrowserRun(process.ExitCode, ParseResult(output), output, error, screenshot);
    }

    /// <summary>The last stdout line that is a JSON object.</summary>
    private static JsonElement? ParseResult(string stdout)
    {
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Reverse())
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }
            try
            {
                using var document = JsonDocument.Parse(line);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
            }
        }
        return null;
    }

    private static string? FindOnPath(string name)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Gitbrief.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"no Gitbrief.slnx above {AppContext.BaseDirectory}");
    }
}
