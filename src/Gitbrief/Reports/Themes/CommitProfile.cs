using System.Text.RegularExpressions;
using Gitbrief.Analysis;
using Gitbrief.Sources;

namespace Gitbrief.Reports.Themes;

/// <summary>What the theme finder knows of one commit: its subject's words, its scopes and [tags], the pull request it
/// belongs to, the files and components it touched, all as signals ("scope:lora", "file:src/a.rs", …).</summary>
internal sealed partial class CommitProfile
{
    private CommitProfile(ReportEntry entry, string subject, IReadOnlyList<TitleToken> tokens, IReadOnlyList<string> scopes,
        IReadOnlyDictionary<string, SignalKind> signals)
    {
        Entry = entry;
        Subject = subject;
        Tokens = tokens;
        Scopes = scopes;
        Signals = signals;
        DocsOnly = entry.Files.Count > 0 && entry.Files.All(f => f.Role == FileRole.Docs);
    }

    /// <summary>Every file the commit changed is documentation.</summary>
    public bool DocsOnly { get; }

    public ReportEntry Entry { get; }

    /// <summary>The title without its type, scope, [tags] and references such as "(#123)".</summary>
    public string Subject { get; }

    public IReadOnlyList<TitleToken> Tokens { get; }

    /// <summary>The scopes as written ("scheduler", "CI"), one per [tag].</summary>
    public IReadOnlyList<string> Scopes { get; }

    public IReadOnlyDictionary<string, SignalKind> Signals { get; }

    public static CommitProfile Of(ReportEntry entry, IReadOnlySet<string> ownNames)
    {
        // Only the title's scope and subject are needed: the body (often long), the files and the security keywords are
        // left out of the reading. The title is read as the title of a message of the title alone.
        var (titleScope, titleSubject) = CommitClassifier.ScopeAndSubject(CommitMessage.Title(entry.Commit.Title));
        var subject = WithoutReferences(titleSubject.Length > 0 ? titleSubject : entry.Commit.Title);
        var tokens = TitleTokenizer.Tokenize(subject, ownNames);
        // "config,network" is two scopes; "presets/security" is also "presets", an area that ties less than the scope itself.
        // A tag that names the kind of change ("[Bugfix]", "[Feature]", "[Misc]", "[CI/Build]") is no area: twelve
        // "[Bugfix]" commits of a day are no theme.
        // "[AsyncEngine Refactor 3/N]", "[6/x]": a place in a series of pull requests, not an area; the series is its name,
        // or without one the author's series of that length.
        var series = new List<string>();
        var written = (titleScope ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => SeriesPosition().Match(s) is { Success: true } position ? Series(position, entry, series) : s)
            .Where(s => s.Length > 0 && !s.Split('/').All(CommitClassifier.IsKindTag) && !TargetRelease().IsMatch(s))
            .ToList();
        if (TrailingSeriesPosition().Match(entry.Commit.Title) is { Success: true } trailing)
        {
            Series(trailing, entry, series);
        }
        var parents = written
            .Where(s => s.IndexOf('/', StringComparison.Ordinal) > 0)
            .Select(s => s[..s.IndexOf('/', StringComparison.Ordinal)])
            .Where(s => !CommitClassifier.IsKindTag(s))
            .ToList();
        var scopes = written.Concat(parents).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var signals = new Dictionary<string, SignalKind>(StringComparer.Ordinal);
        if (entry.Commit.LinkedPullRequest is { } pull)
        {
            signals["pr:" + pull.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)] = SignalKind.PullRequest;
        }
        foreach (var key in series)
        {
            signals["series:" + key] = SignalKind.PullRequest;
        }
        foreach (var scope in parents)
        {
            signals["scope:" + ScopeKey(scope)] = SignalKind.ParentScope;
        }
        foreach (var scope in written)
        {
            signals["scope:" + ScopeKey(scope)] = SignalKind.Scope;
        }
        AddWordSignals(tokens, signals);
        foreach (var file in entry.Files.Where(f => f.Role is not (FileRole.Lockfile or FileRole.DependencyManifest or FileRole.Generated
                     or FileRole.Vendored or FileRole.Binary)))
        {
            signals["file:" + file.Change.Path] = file.Role is FileRole.Test or FileRole.Docs ? SignalKind.SupportFile : SignalKind.File;
        }
        foreach (var component in entry.Analysis.Components.Where(c => c.Path != ComponentGrouper.Root))
        {
            signals.TryAdd("dir:" + component.Path, SignalKind.Component);
        }
        return new CommitProfile(entry, subject, tokens, scopes, signals);
    }

    /// <summary>One key for the forms of a scope: case aside, and a plural "s" (<c>recipes</c> and <c>recipe</c>, <c>models</c>
    /// and <c>model</c> are one area) — not of a word too short to be a plural or ending in "ss", "us" or "is"
    /// (<c>ops</c>, <c>css</c>, <c>status</c>, <c>analysis</c>).</summary>
    public static string ScopeKey(string scope)
    {
        var key = scope.ToLowerInvariant();
        return key.Length > 3 && key[^1] == 's' && !key.EndsWith("ss", StringComparison.Ordinal) && !key.EndsWith("us", StringComparison.Ordinal)
            && !key.EndsWith("is", StringComparison.Ordinal)
            ? key[..^1]
            : key;
    }

    /// <summary>Distinctive words, pairs of neighbouring words with at least one distinctive (function words skipped:
    /// "Package by default" gives "package default"), the opening word with each later distinctive word, and pairs of
    /// adjacent ideographs.</summary>
    private static void AddWordSignals(IReadOnlyList<TitleToken> tokens, Dictionary<string, SignalKind> signals)
    {
        var content = tokens.Where(t => t.Kind is not (TokenKind.Function or TokenKind.Ideograph)).ToList();
        for (var i = 0; i < content.Count; i++)
        {
            if (content[i].Kind == TokenKind.Word)
            {
                signals.TryAdd("word:" + content[i].Key, SignalKind.Word);
            }
            if (i + 1 < content.Count && content[i].Kind != TokenKind.Number && content[i + 1].Kind != TokenKind.Number
                && (content[i].Kind == TokenKind.Word || content[i + 1].Kind == TokenKind.Word))
            {
                signals.TryAdd("phrase:" + content[i].Key + " " + content[i + 1].Key, SignalKind.Phrase);
            }
        }
        // The opening verb with each later word: "Update taiki-e/install-action action" and "Update astral-sh/setup-uv
        // action" share "update … action", "Reject multi-dot pylock filenames" and "Reject pylock artifacts" "reject … pylock".
        for (var i = 1; i < content.Count; i++)
        {
            if (content[0].Kind != TokenKind.Number && content[i].Kind == TokenKind.Word && content[i].Key != content[0].Key)
            {
                signals.TryAdd("frame:" + content[0].Key + " … " + content[i].Key, SignalKind.Phrase);
            }
        }
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (TitleTokenizer.IsDistinctivePair(tokens[i], tokens[i + 1]))
            {
                signals.TryAdd("han:" + tokens[i].Key + tokens[i + 1].Key, SignalKind.Ideographs);
            }
        }
    }

    /// <summary>Notes the series a position names ("AsyncEngine Refactor" of "AsyncEngine Refactor 3/N"; the author's
    /// series of x parts for a bare "6/x") and returns what is left of the tag as a scope: the series' name, or nothing.</summary>
    private static string Series(Match position, ReportEntry entry, List<string> series)
    {
        var name = position.Groups["name"].Value.Trim();
        series.Add(name.Length > 0
            ? ScopeKey(name)
            : (entry.Commit.Author.Email.Length > 0 ? entry.Commit.Author.Email : entry.Commit.Author.Name).ToLowerInvariant() + "/" + position.Groups["parts"].Value.ToLowerInvariant());
        return name;
    }

    /// <summary>A [tag] naming the release line a change targets ("[13.x]", "[4.x]", "[v2]", "[1.10]"): laravel tags every pull
    /// request so, and ten of a day's commits on as many subjects share it.</summary>
    [GeneratedRegex(@"^v?\d+(?:\.(?:\d+|x))*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TargetRelease();

    /// <summary>A [tag] that is a place in a series: "2/N", "3/5", "6/x", after an optional name.</summary>
    [GeneratedRegex(@"^(?<name>.*?)\s*(?<![\w.])\d{1,3}\s*/\s*(?<parts>\d{1,3}|[nNxX])$", RegexOptions.CultureInvariant)]
    private static partial Regex SeriesPosition();

    /// <summary>A title that ends in its place in a series: "… (2/3)", "… [1/N]".</summary>
    [GeneratedRegex(@"[\[(](?<name>)\d{1,3}\s*/\s*(?<parts>\d{1,3}|[nNxX])[\])]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingSeriesPosition();

    /// <summary>The subject without references ("(#123)", "(#437 slice D3 + E)", "(llama/16056)") and CI markers ("[skip ci]",
    /// "[ci skip]", "[skip-ci]": they say how the commit was built, not what it is about).</summary>
    private static string WithoutReferences(string subject) => Reference().Replace(subject, string.Empty).Trim();

    [GeneratedRegex(@"\s*\((?:[^()]*#[^()]*|[\w.-]+/\d+)\)|\s*\[(?i:skip[ -]ci|ci[ -]skip|no[ -]ci|skip[ -]actions|actions[ -]skip)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
