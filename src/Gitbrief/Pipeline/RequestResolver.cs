using System.Globalization;
using Gitbrief.Analysis;
using Gitbrief.Analysis.Llm;
using Gitbrief.Common;
using Gitbrief.Configuration;
using Gitbrief.Rendering;
using Gitbrief.Sources;
using Gitbrief.Store;

namespace Gitbrief.Pipeline;

/// <summary>Turns the typed arguments and the config file into a <see cref="ReportRequest"/>.
/// Command-line flags override the config; the config overrides the defaults. Every problem is a
/// <see cref="UsageException"/> (exit code 2) naming the flag or the config file:line.</summary>
public static class RequestResolver
{
    public const string DefaultTimeZone = Configuration.Schema.TopLevelSchema.DefaultTimeZone;
    public const int MaxDaysPerRun = 3660;

    public static ReportRequest Resolve(
        ReportArguments arguments, GitbriefConfig config, string workingDirectory, DateTimeOffset now, Func<string, string?>? environment = null)
    {
        var zoneId = arguments.TimeZone ?? config.TimeZone ?? DefaultTimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId.Trim(), out var zone))
        {
            throw new UsageException($"--tz: unknown time zone '{YamlNodeReader.Printable(zoneId)}' (use an IANA name such as Asia/Shanghai)");
        }
        var (languages, primary) = ResolveLanguages(arguments.Language, config);
        var formats = ResolveFormats(arguments.Formats, config.Formats);
        var repositories = ResolveRepositories(arguments, config, workingDirectory);
        var token = repositories.Any(r => r.Source == SourceKind.GitHubApi || r.EnrichPullRequests)
            ? GitAuth.GitHubToken(environment ?? Environment.GetEnvironmentVariable)
            : null;
        var llm = arguments.Llm ?? config.Analysis == "llm"
            ? LlmOptions.Resolve(config.Llm, environment ?? Environment.GetEnvironmentVariable)
            : null;
        var cacheDirectory = Path.GetFullPath(arguments.CacheDirectory ?? config.CacheDirectory ?? DefaultCacheDirectory(), workingDirectory);
        return new ReportRequest
        {
            Repositories = repositories,
            Watch = ResolveWatch(repositories, config, workingDirectory),
            TimeZone = zone,
            Window = ResolveWindow(arguments, zone, now),
            Formats = formats,
            OutputDirectory = Path.GetFullPath(arguments.OutputDirectory ?? config.OutputDirectory ?? "reports", workingDirectory),
            CacheDirectory = cacheDirectory,
            Store = ResolveStore(config, environment ?? Environment.GetEnvironmentVariable, cacheDirectory, workingDirectory),
            Languages = languages,
            PrimaryLanguage = primary,
            Render = new RenderOptions
            {
                Language = languages[0],
                EnableToc = config.EnableToc ?? true,
                EnableGrouping = config.EnableGrouping ?? true,
                EnableStats = config.EnableStats ?? true,
                FullMessage = config.TableMessage == "full",
            },
            Weights = config.Importance,
            DryRun = arguments.DryRun,
            Llm = llm,
            Warnings = llm?.PlainHttpWarning is { } warning ? [warning] : [],
            PartialClone = config.PartialClone ?? false,
            GitHubToken = token,
            Now = now,
        };
    }

    /// <summary>Each repository's watch rules: the global ones, then those of the config entry that writes to the same
    /// report path — also when the repository is named with --repo, so an ad-hoc run ranks as the daily one does.</summary>
    private static Dictionary<string, WatchRules> ResolveWatch(IReadOnlyList<RepositorySpec> specs, GitbriefConfig config, string workingDirectory)
    {
        var own = new Dictionary<string, IReadOnlyList<WatchRule>>(StringComparer.OrdinalIgnoreCase);
        var baseDirectory = config.SourcePath is not null ? Path.GetDirectoryName(config.SourcePath)! : workingDirectory;
        foreach (var entry in config.Repositories.Where(e => e.Watch.Count > 0))
        {
            try
            {
                own.TryAdd(entry.Name ?? RepositoryAddress.Parse(entry.Address, baseDirectory).Name, entry.Watch);
            }
            catch (FormatException)
            {
                // Not one of this run's repositories (the entry is reported when it is used).
            }
        }
        return specs
            .Select(s => (s.Name, Rules: (IReadOnlyList<WatchRule>)[.. config.Watch, .. own.GetValueOrDefault(s.Name, [])]))
            .Where(s => s.Rules.Count > 0)
            .ToDictionary(s => s.Name, s => new WatchRules(s.Rules), StringComparer.Ordinal);
    }

    /// <summary>The languages to write — <c>--lang</c> (one, or a comma-separated list), else the config's
    /// <c>language:</c>, else zh — and the primary one, whose files keep the plain names (DATE.md; the others get
    /// DATE.&lt;lang&gt;.md): the config's (first) language, else zh. <c>--lang</c> never changes which one is primary,
    /// so it can never overwrite the primary language's files.</summary>
    private static (IReadOnlyList<ReportLanguage> Languages, ReportLanguage Primary) ResolveLanguages(string? flag, GitbriefConfig config)
    {
        var configured = (config.Languages ?? (config.Language is { } one ? [one] : []))
            .Select(code => ReportLanguages.Parse(code) ?? throw new UsageException($"language: must be zh or en, not '{YamlNodeReader.Printable(code)}'"))
            .ToList();
        var primary = configured.Count > 0 ? configured[0] : ReportLanguage.Zh;
        if (flag is null)
        {
            return (configured.Count > 0 ? configured : [primary], primary);
        }
        var chosen = flag.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => ReportLanguages.Parse(code) ?? throw new UsageException($"--lang: must be zh or en (or both: zh,en), not '{YamlNodeReader.Printable(code)}'"))
            .Distinct()
            .ToList();
        return chosen.Count > 0 ? (chosen, primary) : throw new UsageException("--lang: name a language (zh or en)");
    }

    /// <summary>The config's <c>store:</c>, else $GITBRIEF_STORE, else gitbrief.db in the cache directory; a SQLite path is
    /// relative to the working directory.</summary>
    public static StoreLocation ResolveStore(GitbriefConfig config, Func<string, string?> environment, string cacheDirectory, string workingDirectory)
    {
        var (text, origin) = config.Store is { } configured
            ? (configured, "store")
            : (environment(StoreLocation.Variable), StoreLocation.Variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return StoreLocation.Sqlite(Path.Combine(cacheDirectory, "gitbrief.db"));
        }
        try
        {
            var location = StoreLocation.Parse(text);
            return location.Kind == StoreKind.Sqlite ? StoreLocation.Sqlite(Path.GetFullPath(location.SqlitePath!, workingDirectory)) : location;
        }
        catch (FormatException e)
        {
            throw new UsageException($"{origin}: {e.Message}");
        }
    }

    /// <summary>$GITBRIEF_CACHE_DIR, else $XDG_CACHE_HOME/gitbrief, else ~/.cache/gitbrief.</summary>
    public static string DefaultCacheDirectory()
    {
        var explicitDir = Environment.GetEnvironmentVariable("GITBRIEF_CACHE_DIR");
        if (!string.IsNullOrWhiteSpace(explicitDir))
        {
            return explicitDir;
        }
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrWhiteSpace(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "gitbrief");
    }

    internal static ReportWindow ResolveWindow(ReportArguments arguments, TimeZoneInfo zone, DateTimeOffset now)
    {
        var given = new[] { arguments.Date is not null, arguments.Since is not null || arguments.Until is not null, arguments.Latest }.Count(g => g);
        if (given > 1)
        {
            throw new UsageException("--date, --since/--until and --latest cannot be combined; pick one");
        }
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var yesterday = today.AddDays(-1);
        if (arguments.Latest)
        {
            return ReportWindow.LatestDay(yesterday);
        }
        if (arguments.Date is not null)
        {
            var date = NotFuture(ParseDate(arguments.Date, "--date"), "--date", today, zone);
            return new ReportWindow(date, date);
        }
        if (arguments.Until is not null && arguments.Since is null)
        {
            throw new UsageException("--until needs --since");
        }
        if (arguments.Since is not null)
        {
            var since = NotFuture(ParseDate(arguments.Since, "--since"), "--since", today, zone);
            var until = arguments.Until is null ? yesterday : NotFuture(ParseDate(arguments.Until, "--until"), "--until", today, zone);
            if (until < since)
            {
                throw new UsageException($"--until ({arguments.Until ?? until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}) is before --since ({arguments.Since})");
            }
            if (until.DayNumber - since.DayNumber + 1 > MaxDaysPerRun)
            {
                throw new UsageException($"--since/--until span more than {MaxDaysPerRun} days; split the backfill into several runs");
            }
            return new ReportWindow(since, until);
        }
        return new ReportWindow(yesterday, yesterday);
    }

    /// <summary>A day that has not begun has nothing to report (and a report of it would stand for the real one
    /// later): a usage error. Today is allowed; its report is marked partial.</summary>
    private static DateOnly NotFuture(DateOnly date, string flag, DateOnly today, TimeZoneInfo zone) => date <= today
        ? date
        : throw new UsageException(string.Create(CultureInfo.InvariantCulture,
            $"{flag}: {date:yyyy-MM-dd} has not begun yet in {zone.Id} (today is {today:yyyy-MM-dd}); report a day that has begun"));

    private static DateOnly ParseDate(string text, string flag) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"{flag}: '{YamlNodeReader.Printable(text)}' is not a valid date (expected YYYY-MM-DD)");

    private static List<string> ResolveFormats(string? flag, IReadOnlyList<string>? configured)
    {
        if (flag is null)
        {
            return configured is { Count: > 0 } ? configured.Distinct(StringComparer.Ordinal).ToList() : ["md", "json"];
        }
        var formats = new List<string>();
        foreach (var part in flag.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var format = part.ToLowerInvariant() switch
            {
                "md" or "markdown" => "md",
                "json" => "json",
                _ => throw new UsageException($"--format: unknown format '{YamlNodeReader.Printable(part)}' (expected md, json)"),
            };
            if (!formats.Contains(format))
            {
                formats.Add(format);
            }
        }
        return formats.Count > 0 ? formats : throw new UsageException("--format: name at least one format (md, json)");
    }

    /// <summary>Each repository to report on (the command line's, else the config's, else the current directory),
    /// its address parsed, its name unique, its settings resolved: flag, then the entry, then the top level.</summary>
    private static List<RepositorySpec> ResolveRepositories(ReportArguments arguments, GitbriefConfig config, string workingDirectory)
    {
        var baseDirectory = arguments.Repositories.Count == 0 && config.SourcePath is not null
            ? Path.GetDirectoryName(config.SourcePath)!
            : workingDirectory;
        var byName = new Dictionary<string, RepositoryEntry>(StringComparer.OrdinalIgnoreCase);
        var specs = new List<RepositorySpec>();
        foreach (var entry in RepositoryEntries(arguments, config))
        {
            var address = ParseAddress(entry, baseDirectory);
            ClaimName(byName, entry, entry.Name ?? address.Name);
            var host = HostOf(entry);
            specs.Add(new RepositorySpec(
                address,
                arguments.Branch ?? entry.Branch ?? config.Branch,
                arguments.FirstParent ?? entry.FirstParent ?? config.FirstParent ?? false,
                host)
            {
                ConfiguredName = entry.Name,
                Source = SourceOf(entry, config, address, host),
                ApiUrl = entry.ApiUrl ?? config.ApiUrl,
                EnrichPullRequests = entry.EnrichPullRequests ?? config.EnrichPullRequests ?? false,
            });
        }
        return specs;
    }

    private static IReadOnlyList<RepositoryEntry> RepositoryEntries(ReportArguments arguments, GitbriefConfig config) =>
        arguments.Repositories.Count > 0
            ? arguments.Repositories.Select(r => new RepositoryEntry(r)).ToList()
            : config.Repositories.Count > 0
                ? config.Repositories
                : [new RepositoryEntry(".", Origin: "the current directory")];

    private static RepositoryAddress ParseAddress(RepositoryEntry entry, string baseDirectory)
    {
        try
        {
            return RepositoryAddress.Parse(entry.Address, baseDirectory);
        }
        catch (FormatException e)
        {
            throw new UsageException($"{entry.Origin}: {e.Message}");
        }
    }

    /// <summary>Two repositories with one name would write to the same report folder: an error naming both.</summary>
    private static void ClaimName(Dictionary<string, RepositoryEntry> byName, RepositoryEntry entry, string name)
    {
        if (byName.TryGetValue(name, out var previous))
        {
            throw new UsageException(
                $"{entry.Origin}: repository '{YamlNodeReader.Printable(entry.Address)}' writes to the same report path (<out>/YYYY/{name}/) as '{YamlNodeReader.Printable(previous.Address)}' ({previous.Origin}); give one of them a 'name:'");
        }
        byName[name] = entry;
    }

    private static HostKind? HostOf(RepositoryEntry entry) => entry.Host switch
    {
        "github" => HostKind.GitHub,
        "gitlab" => HostKind.GitLab,
        "gitea" => HostKind.Gitea,
        "none" => HostKind.None,
        _ => null,
    };

    /// <summary>git, or the GitHub API — which only a GitHub repository can be read through.</summary>
    private static SourceKind SourceOf(RepositoryEntry entry, GitbriefConfig config, RepositoryAddress address, HostKind? host)
    {
        var source = (entry.Source ?? config.Source ?? "git") == "github-api" ? SourceKind.GitHubApi : SourceKind.Git;
        return source == SourceKind.GitHubApi && WebLinks.FromRemote(address.RemoteUrl, host).Kind != HostKind.GitHub
            ? throw new UsageException(
                $"{entry.Origin}: source: github-api needs a GitHub repository (owner/repo or a github.com URL), not '{YamlNodeReader.Printable(entry.Address)}'")
            : source;
    }
}
