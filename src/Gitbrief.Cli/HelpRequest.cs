namespace Gitbrief.Cli;

/// <summary>Whether a command line may ask for the help text or the version. System.CommandLine's HelpOption and
/// VersionOption read its resources in their constructors (a ResourceManager, ~2 ms of every run's critical path,
/// bench/README.md "start12"), so a command line that cannot ask for either is parsed without them: the same result.</summary>
internal static class HelpRequest
{
    /// <summary>The help and version spellings System.CommandLine knows.</summary>
    private static readonly string[] Spellings = ["--help", "-h", "/h", "-?", "/?", "--version"];

    /// <summary>Whether <paramref name="argument"/> is one of the help and version spellings System.CommandLine knows.</summary>
    public static bool IsSpelling(string argument) => Spellings.Contains(argument, StringComparer.Ordinal);

    /// <summary>True when any argument is a help or version spelling, a bundle of one-letter options holding <c>h</c> or
    /// <c>?</c> (<c>-qh</c>), or a response file (<c>@args.rsp</c>, which may hold either).</summary>
    public static bool MayAsk(IReadOnlyList<string> args) =>
        args.TakeWhile(a => a != "--").Any(a => IsSpelling(a) || a.StartsWith('@')
            || (a.Length > 2 && a[0] == '-' && a.Skip(1).All(c => char.IsAsciiLetter(c) || c == '?') && a.AsSpan(1).IndexOfAny('h', '?') >= 0));
}
