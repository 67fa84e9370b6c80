using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Suite;

/// <summary>The suite itself: a hanging test must fail the README's `dotnet test Gitbrief.slnx` instead of stalling
/// CI. The test project sets what `dotnet test --blame-hang-timeout` sets (VSTestBlameHang*); this reads them as
/// MSBuild evaluates them for that command.</summary>
public sealed class HangTimeoutTests
{
    [Fact]
    public void Dotnet_test_aborts_a_hanging_test_after_a_bounded_time()
    {
        var properties = Evaluate(Path.Combine(BrowserHarness.RepositoryRoot, "tests", "Gitbrief.Tests", "Gitbrief.Tests.csproj"),
            "VSTestBlameHang", "VSTestBlameHangTimeout", "VSTestBlameHangDumpType");

        Assert.Equal("true", properties["VSTestBlameHang"], ignoreCase: true);
        var timeout = Duration(properties["VSTestBlameHangTimeout"]);
        // Longer than any test's own limit (the browser check allows itself 2 minutes), short enough for CI.
        Assert.InRange(timeout, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10));
        Assert.Equal("none", properties["VSTestBlameHangDumpType"], ignoreCase: true);
        Assert.Contains("dotnet test Gitbrief.slnx\n", File.ReadAllText(Path.Combine(BrowserHarness.RepositoryRoot, "README.md")), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Evaluate(string project, params string[] names)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = BrowserHarness.RepositoryRoot,
        };
        foreach (var argument in new[] { "msbuild", project, "-nologo", "-nodeReuse:false" }.Concat(names.Select(n => "-getProperty:" + n)))
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet msbuild -getProperty failed: {output}\n{error.Result}");
        using var document = JsonDocument.Parse(output);
        return document.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }

    /// <summary>VSTest's duration syntax: a number with ms, s, m or h (milliseconds without a unit).</summary>
    private static TimeSpan Duration(string text)
    {
        var value = text.Trim().ToLowerInvariant();
        var unit = new string(value.SkipWhile(c => char.IsAsciiDigit(c) || c == '.').ToArray());
        var number = double.Parse(value[..^unit.Length], CultureInfo.InvariantCulture);
        return unit switch
        {
            "" or "ms" => TimeSpan.FromMilliseconds(number),
            "s" => TimeSpan.FromSeconds(number),
            "m" => TimeSpan.FromMinutes(number),
            "h" => TimeSpan.FromHours(number),
            _ => throw new FormatException($"not a VSTest duration: {text}"),
        };
    }
}
