using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Cli;

/// <summary>Every way of asking for help or the version works through the real command line, although a command line
/// that asks for neither is parsed without those options (bench/README.md, "start12").</summary>
public sealed class HelpTests : IDisposable
{
    private readonly ReportWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("/?")]
    [InlineData("-qh")]
    public void Every_spelling_of_help_prints_the_commands(string help)
    {
        var result = workspace.Cli(help);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:\n  gitbrief [command] [options]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("report", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_commands_help_the_version_and_help_asked_in_a_response_file_are_printed()
    {
        workspace.WriteFile("help.rsp", "site\n--help\n");

        var report = workspace.Cli("report", "--help");
        var version = workspace.Cli("--version");
        var fromFile = workspace.Cli("@help.rsp");

        Assert.True(report.ExitCode == 0, report.ToString());
        Assert.Contains("Usage:\n  gitbrief report [options]", report.Stdout, StringComparison.Ordinal);
        Assert.Contains("--date", report.Stdout, StringComparison.Ordinal);
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Stdout);
        Assert.True(fromFile.ExitCode == 0, fromFile.ToString());
        Assert.Contains("Usage:\n  gitbrief site [options]", fromFile.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_still_a_one_line_usage_error_pointing_at_help()
    {
        var result = workspace.Cli("report", "--hepl");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("gitbrief: error: Unrecognized command or argument '--hepl'. (see 'gitbrief --help')\n", result.Stderr);
    }
}
