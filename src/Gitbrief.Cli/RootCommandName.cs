namespace Gitbrief.Cli;

/// <summary>The root command's name, given instead of found: System.CommandLine's
/// <see cref="System.CommandLine.RootCommand"/> reads it from the entry assembly's metadata attributes in its constructor and
/// again for help, which wakes Native AOT's reflection binder (bench/README.md, "start9" and "start11"). The same name.</summary>
internal static class RootCommandName
{
    /// <summary>The csproj's <c>ToolCommandName</c>, which System.CommandLine's build targets put into the assembly's metadata
    /// as <c>System.CommandLine.ToolCommandName</c>.</summary>
    public const string Tool = "gitbrief";
}
