using System.CommandLine;

namespace Gitbrief.Cli;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    public static readonly Option<bool> Debug = new("--debug")
    {
        Description = "Show stack traces and git details on errors.",
        Recursive = true,
    };

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Print nothing but errors.",
        Recursive = true,
    };
}
