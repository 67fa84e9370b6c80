namespace Gitbrief.Cli;

/// <summary>The name help shows for the root command, given instead of found: System.CommandLine's
/// <see cref="System.CommandLine.RootCommand.HelpName"/> otherwise reads it from the entry assembly's metadata attributes,
/// ~2% of <c>--help</c> in the Native AOT build (bench/README.md, "start9"). The same name.</summary>
internal static class RootCommandName
{
    /// <summary>The csproj's <c>ToolCommandName</c>, which System.CommandLine's build targets put into the assembly's metadata
    /// as <c>System.CommandLine.ToolCommandName</c>.</summary>
    public const string Tool = "gitbrief";
}
