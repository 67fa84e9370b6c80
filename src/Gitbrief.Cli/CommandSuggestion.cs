using System.CommandLine;

namespace Gitbrief.Cli;

/// <summary>The message for a command line that names no known command: the closest command when the word looks
/// like a typo of one ("reprot" → report), else the list of commands.</summary>
internal static class CommandSuggestion
{
    /// <summary>The message, or null when the command line does name a command (or asks for help or the version).</summary>
    public static string? For(RootCommand root, IReadOnlyList<string> args)
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
            return args.Any(a => a is "-h" or "--help" or "-?" or "--version") ? null : $"name a command: {list} (see 'gitbrief --help')";
        }
        var closest = names
            .Select(n => (Name: n, Distance: Distance(first.ToLowerInvariant(), n)))
            .Where(c => c.Distance <= Math.Min(2, Math.Max(1, c.Name.Length / 2)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        var shown = Common.SecretRedactor.Redact(Configuration.YamlNodeReader.Printable(first));
        return closest.Name is { } name
            ? $"unknown command '{shown}'; did you mean '{name}'? (commands: {list})"
            : $"unknown command '{shown}' (commands: {list}; see 'gitbrief --help')";
    }

    /// <summary>Edits (insert, delete, replace, swap two neighbours) that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
