using System.CommandLine;
using System.Runtime.CompilerServices;

namespace Gitbrief.Cli;

/// <summary>The root command's two names, known without the reflection System.CommandLine uses to find them. Its
/// <see cref="RootCommand.ExecutableName"/> (the root's name, which every run builds) asks for the entry assembly before it
/// takes the file name of the first command-line argument, and <see cref="RootCommand.HelpName"/> (the name help shows)
/// reads the assembly's metadata attributes: in the Native AOT build each is the first use of the runtime's reflection, ~8%
/// of <c>--help</c> and ~3% of a day without commits (bench/README.md, "start9"). The names are the same.</summary>
internal static class RootCommandName
{
    /// <summary>The csproj's <c>ToolCommandName</c>, which System.CommandLine's build targets put into the assembly's metadata
    /// as <c>System.CommandLine.ToolCommandName</c>, its help name.</summary>
    public const string Tool = "gitbrief";

    /// <summary>Gives System.CommandLine the executable name it would compute for a program with an entry point (the file
    /// name without extension of the first command-line argument, spaces removed), before a root command is built. Nothing
    /// is set when there is no such argument, nor when the library no longer has the field: it computes the name itself.</summary>
    public static void Preset()
    {
        var arguments = Environment.GetCommandLineArgs();
        if (arguments.Length == 0 || arguments[0].Length == 0)
        {
            return;
        }
        try
        {
            ExecutableName(null) ??= Path.GetFileNameWithoutExtension(arguments[0]).Replace(" ", "", StringComparison.Ordinal);
        }
        catch (MissingFieldException)
        {
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.StaticField, Name = "_executableName")]
    internal static extern ref string? ExecutableName(RootCommand? root);
}
