using System.CommandLine;

namespace Gitbrief.Cli;

/// <summary>The message for a command line that names no known command: the closest command when the word looks
/// like a typo of one ("reprot" → report), else the list of commands.</summary>
internal static class CommandSuggestion
{
    /// <summary>The message, or null when the command line does name a command (or asks for help or the version).</summary>
    public static string? For(Command root, IReadOnlyList<string> args)
    {
        var names = root.Subcommands.Select(c => c.Name).ToList();
        var first = args.FirstOrDefault(a => !a.StartsWith('-'));
        if (first is not null && names.Contains(first, StringComparer.Ordinal))
        {
            return null;
        }
        var list = string.Join(", ", names);
        if (first is null)
        {
            return args.Any(HelpRequest.IsSpelling) ? null : $"name a command: {list} (see 'gitbrief --help')";
        }
        var closest = Common.TypoSuggestion.Closest(first, names);
        var shown = Common.SecretRedactor.Redact(Common.PrintableText.Of(first));
        return closest is { } name
            ? $"unknown command '{shown}'; did you mean '{name}'? (commands: {list})"
            : $"unknown command '{shown}' (commands: {list}; see 'gitbrief --help')";
    }
}
