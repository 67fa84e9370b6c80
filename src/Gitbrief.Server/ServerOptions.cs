using System.CommandLine;

namespace Gitbrief.Server;

/// <summary>The option every command of the server takes: the config file shared by the fleet.</summary>
internal static class ServerOptions
{
    public static readonly Option<string> Config = new("--config", "-c")
    {
        Description = "The config file (every server of a fleet reads the same one; default: gitbrief.yaml here).",
        DefaultValueFactory = _ => "gitbrief.yaml",
    };

    public static FleetContext Open(ParseResult parse) =>
        new(parse.GetValue(Config)!, Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable);
}
