using Gitbrief.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gitbrief.Configuration;

/// <summary>Reads gitbrief.yaml (or the current tool's config.yaml, whose keys keep their meaning).
/// Unknown keys, wrong types and bad values are errors with file:line.</summary>
public static class ConfigLoader
{
    public static readonly IReadOnlyList<string> DefaultFileNames = ["gitbrief.yaml", "gitbrief.yml"];

    /// <summary>The previous tool's config file, read from the current directory when there is no gitbrief.yaml.</summary>
    public const string LegacyFileName = "config.yaml";

    private static readonly string[] TopKeys =
    [
        "repositories", "repos", "timezone", "tz", "language", "lang", "output", "output_dir", "formats", "cache_dir",
        "branch", "first_parent", "partial_clone", "analysis", "importance", "rate_limit", "format", "llm",
        "publish", "report_url", "source", "api_url", "enrich_pull_requests", "watch",
    ];

    private static readonly string[] PublishTypes = ["dir", "git", "github-issue", "webhook", "email", "site"];

    private static readonly string[] RepositoryKeys =
        ["repo", "url", "path", "name", "branch", "first_parent", "host", "source", "api_url", "enrich_pull_requests", "watch"];

    /// <summary>The values of <c>source:</c>.</summary>
    private static readonly string[] Sources = ["git", "github-api"];

    /// <summary>Loads the named file, or gitbrief.yaml from <paramref name="directory"/> when none is named, else the
    /// previous tool's config.yaml there (with a notice; left alone, with a notice, when its keys are not ours);
    /// with none of them, the empty configuration.</summary>
    public static GitbriefConfig Load(string? explicitPath, string directory)
    {
        if (explicitPath is not null)
        {
            var full = Path.GetFullPath(explicitPath, directory);
            if (!File.Exists(full))
            {
                throw new UsageException($"{explicitPath}: config file not found");
            }
            return Parse(File.ReadAllText(full), explicitPath) with { SourcePath = full };
        }
        foreach (var name in DefaultFileNames)
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return Parse(File.ReadAllText(candidate), name) with { SourcePath = candidate };
            }
        }
        var legacy = Path.Combine(directory, LegacyFileName);
        return File.Exists(legacy) ? LoadLegacy(File.ReadAllText(legacy), legacy) : GitbriefConfig.Empty;
    }

    /// <summary>The previous tool's config.yaml: read as it is when every top-level key is one Gitbrief knows (all of
    /// the previous tool's are), else ignored — it belongs to some other program — with a notice saying which key.</summary>
    private static GitbriefConfig LoadLegacy(string text, string path)
    {
        var stream = ReadYaml(text, LegacyFileName);
        var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        var foreign = root switch
        {
            null or YamlScalarNode { Value: null or "" } => null,
            YamlMappingNode mapping => mapping.Children.Keys.FirstOrDefault(k => !TopKeys.Contains((k as YamlScalarNode)?.Value ?? string.Empty)),
            _ => root,
        };
        if (foreign is not null)
        {
            var what = foreign is YamlScalarNode { Value: { } key } ? $"its key '{YamlNodeReader.Printable(key)}' is not a Gitbrief setting" : "it is not a mapping of settings";
            return GitbriefConfig.Empty with
            {
                Notices = [$"{LegacyFileName}:{new YamlNodeReader(LegacyFileName).Line(foreign).ToString(System.Globalization.CultureInfo.InvariantCulture)}: not read: {what} (Gitbrief reads gitbrief.yaml, or the previous tool's config.yaml)"],
            };
        }
        return Parse(stream, LegacyFileName) with
        {
            SourcePath = path,
            Notices = [$"reading {LegacyFileName}, the previous tool's config file; rename it to gitbrief.yaml to make it Gitbrief's and silence this notice"],
        };
    }

    /// <summary>Parses config text; <paramref name="displayName"/> names the file in errors.</summary>
    public static GitbriefConfig Parse(string text, string displayName) => Parse(ReadYaml(text, displayName), displayName);

    /// <summary>The YAML document, or a config error with the file and line.</summary>
    private static YamlStream ReadYaml(string text, string displayName)
    {
        var stream = new YamlStream();
        var parser = new FlowTrackingParser(text);
        try
        {
            stream.Load(parser);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException && parser.Unclosed is { } unclosed)
        {
            // YamlDotNet says where it gave up (the end of the file, or nothing at all): the user needs the line that opened it.
            var closing = unclosed.Bracket == '{' ? '}' : ']';
            throw ConfigError.At(displayName, unclosed.Line, $"invalid YAML: the '{unclosed.Bracket}' opened on this line is never closed with '{closing}'");
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            var colon = message.IndexOf("): ", StringComparison.Ordinal);
            throw ConfigError.At(displayName, (int)Math.Max(1, e.Start.Line), "invalid YAML: " + (colon >= 0 ? message[(colon + 3)..] : message));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            var line = parser.Current is { } current ? (int)Math.Max(1, current.Start.Line) : 1;
            throw ConfigError.At(displayName, line, "invalid YAML: " + e.Message);
        }
        return stream;
    }

    private static GitbriefConfig Parse(YamlStream stream, string displayName)
    {
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return GitbriefConfig.Empty;
        }
        var reader = new YamlNodeReader(displayName);
        var config = GitbriefConfig.Empty;
        foreach (var (key, value, _) in reader.Mapping(stream.Documents[0].RootNode, "top level", TopKeys))
        {
            if (reader.IsNull(value))
            {
                continue;
            }
            config = key switch
            {
                "repositories" or "repos" => config with { Repositories = ReadRepositories(reader, value, key) },
                "timezone" or "tz" => config with { TimeZone = ReadTimeZone(reader, value, key) },
                "language" or "lang" => ReadLanguages(reader, value, key, config),
                "output" or "output_dir" => config with { OutputDirectory = reader.String(value, key) },
                "formats" => config with { Formats = reader.Sequence(value, key).Select(n => reader.Choice(n, key, "md", "json")).ToList() },
                "cache_dir" => config with { CacheDirectory = reader.String(value, key) },
                "branch" => config with { Branch = reader.String(value, key) },
                "first_parent" => config with { FirstParent = reader.Bool(value, key) },
                "partial_clone" => config with { PartialClone = reader.Bool(value, key) },
                "analysis" => config with { Analysis = reader.Choice(value, key, "rules", "llm") },
                "importance" => config with { Importance = ReadImportance(reader, value) },
                "rate_limit" => ValidateRateLimit(reader, value, config),
                "format" => ReadFormat(reader, value, config),
                "llm" => config with { Llm = ReadLlm(reader, value) },
                "publish" => config with { Publish = ReadPublish(reader, value) },
                "report_url" => config with { ReportUrl = reader.String(value, key) },
                "source" => config with { Source = reader.Choice(value, key, Sources) },
                "api_url" => config with { ApiUrl = ReadUrl(reader, value, key) },
                "enrich_pull_requests" => config with { EnrichPullRequests = reader.Bool(value, key) },
                "watch" => config with { Watch = WatchConfigReader.Read(reader, value, key) },
                _ => config,
            };
        }
        return config;
    }

    /// <summary>The publish targets as written; each target validates its own keys when the job is set up.</summary>
    private static List<TargetSettings> ReadPublish(YamlNodeReader reader, YamlNode node)
    {
        var targets = new List<TargetSettings>();
        foreach (var item in reader.Sequence(node, "publish"))
        {
            if (item is YamlScalarNode)
            {
                targets.Add(new TargetSettings(reader, item, reader.Choice(item, "publish", PublishTypes), null));
                continue;
            }
            if (item is not YamlMappingNode map)
            {
                throw reader.Error(item).Because("'publish' entries are a type (e.g. dir) or a mapping with 'type:'");
            }
            var typeNode = map.Children.FirstOrDefault(e => (e.Key as YamlScalarNode)?.Value == "type").Value
                ?? throw reader.Error(item).Because("a 'publish' entry needs 'type:' (dir, git, github-issue, webhook, email, site)");
            var name = map.Children.FirstOrDefault(e => (e.Key as YamlScalarNode)?.Value == "name").Value;
            targets.Add(new TargetSettings(reader, map, reader.Choice(typeNode, "type", PublishTypes),
                name is null ? null : reader.String(name, "name")));
        }
        var duplicate = targets.GroupBy(t => t.Name ?? t.Type).FirstOrDefault(g => g.Count() > 1 && g.First().Name is not null);
        if (duplicate is not null)
        {
            throw new UsageException($"{duplicate.Last().Location}: two publish targets are named '{duplicate.Key}'");
        }
        return targets;
    }

    private static List<RepositoryEntry> ReadRepositories(YamlNodeReader reader, YamlNode node, string listKey)
    {
        if (node is not YamlSequenceNode)
        {
            // A lone value would be read as one path ("repositories: 5" as a directory named 5).
            throw reader.Error(node).Because($"'{listKey}' must be a list, one repository per line (e.g. '  - owner/repo') or [owner/repo, ./path]");
        }
        var entries = new List<RepositoryEntry>();
        foreach (var item in reader.Sequence(node, "repositories"))
        {
            var origin = $"{reader.File}:{reader.Line(item).ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            if (item is YamlScalarNode)
            {
                entries.Add(new RepositoryEntry(reader.String(item, "repositories"), Origin: origin));
                continue;
            }
            string? address = null;
            var entry = new RepositoryEntry(string.Empty, Origin: origin);
            foreach (var (key, value, _) in reader.Mapping(item, "repositories[]", RepositoryKeys))
            {
                switch (key)
                {
                    case "repo" or "url" or "path":
                        address = reader.String(value, key);
                        break;
                    case "name":
                        entry = entry with { Name = ReadRepositoryName(reader, value, key) };
                        break;
                    case "branch":
                        entry = entry with { Branch = reader.OptionalString(value, key) };
                        break;
                    case "first_parent":
                        entry = entry with { FirstParent = reader.Bool(value, key) };
                        break;
                    case "host":
                        entry = entry with { Host = reader.Choice(value, key, "github", "gitlab", "gitea", "none") };
                        break;
                    case "source":
                        entry = entry with { Source = reader.Choice(value, key, Sources) };
                        break;
                    case "api_url":
                        entry = entry with { ApiUrl = ReadUrl(reader, value, key) };
                        break;
                    case "enrich_pull_requests":
                        entry = entry with { EnrichPullRequests = reader.Bool(value, key) };
                        break;
                    case "watch" when !reader.IsNull(value):
                        entry = entry with { Watch = WatchConfigReader.Read(reader, value, "repositories[].watch") };
                        break;
                }
            }
            if (string.IsNullOrWhiteSpace(address))
            {
                throw reader.Error(item).Because("a repository needs 'repo' (a path, a git URL or owner/repo)");
            }
            entries.Add(entry with { Address = address });
        }
        return entries;
    }

    /// <summary>A repository's <c>name:</c>: its heading and the folder of its reports, so one folder name, safe on every
    /// file system and in a URL path.</summary>
    private static string ReadRepositoryName(YamlNodeReader reader, YamlNode node, string key)
    {
        var name = reader.String(node, key).Trim();
        return RepositoryName.IsValid(name)
            ? name
            : throw reader.Error(node).Because(
                $"'{key}' must be a folder name of letters, digits, '.', '_' and '-' (not starting with '.', at most 100 characters), not '{YamlNodeReader.Printable(name)}'");
    }

    private static ImportanceWeights ReadImportance(YamlNodeReader reader, YamlNode node)
    {
        var weights = ImportanceWeights.Default;
        foreach (var (key, value, _) in reader.Mapping(node, "importance", ["commit_types", "change_sizes", "file_types", "scopes", "thresholds"]))
        {
            if (reader.IsNull(value))
            {
                continue;
            }
            switch (key)
            {
                case "commit_types":
                    var types = new Dictionary<string, int>(weights.CommitTypes, StringComparer.Ordinal);
                    foreach (var (type, weight, _) in reader.Mapping(value, "importance.commit_types", KnownCommitTypes))
                    {
                        types[type] = reader.Int(weight, $"importance.commit_types.{type}", -100, 100);
                    }
                    weights = weights with { CommitTypes = types };
                    break;
                case "change_sizes":
                    foreach (var (size, v, _) in reader.Mapping(value, "importance.change_sizes", ["large", "medium", "small"]))
                    {
                        var n = reader.Int(v, $"importance.change_sizes.{size}", 0, 10_000_000);
                        weights = size switch
                        {
                            "large" => weights with { LargeChange = n },
                            "medium" => weights with { MediumChange = n },
                            _ => weights with { SmallChange = n },
                        };
                    }
                    break;
                case "file_types":
                    foreach (var (type, v, _) in reader.Mapping(value, "importance.file_types", ["core", "config", "test", "doc", "docs"]))
                    {
                        var n = reader.Int(v, $"importance.file_types.{type}", -100, 100);
                        weights = type switch
                        {
                            "core" => weights with { CoreFiles = n },
                            "config" => weights with { ConfigFiles = n },
                            "test" => weights with { TestFiles = n },
                            _ => weights with { DocFiles = n },
                        };
                    }
                    break;
                case "scopes":
                    foreach (var (scope, v, _) in reader.Mapping(value, "importance.scopes", ["wide", "medium"]))
                    {
                        var n = reader.Int(v, $"importance.scopes.{scope}", 0, 100_000);
                        weights = scope == "wide" ? weights with { WideScope = n } : weights with { MediumScope = n };
                    }
                    break;
                case "thresholds":
                    foreach (var (level, v, _) in reader.Mapping(value, "importance.thresholds", ["high", "medium"]))
                    {
                        var n = reader.Int(v, $"importance.thresholds.{level}", -1000, 1000);
                        weights = level == "high" ? weights with { HighThreshold = n } : weights with { MediumThreshold = n };
                    }
                    break;
            }
        }
        if (weights.MediumThreshold > weights.HighThreshold)
        {
            throw reader.Error(node).Because($"importance.thresholds: medium ({weights.MediumThreshold}) must not exceed high ({weights.HighThreshold})");
        }
        return weights;
    }

    private static readonly string[] KnownCommitTypes =
        ["feat", "fix", "perf", "refactor", "test", "docs", "ci", "chore", "style", "build", "revert", "deps", "security", "other"];

    /// <summary>The current tool's pacing keys are accepted and checked; Gitbrief paces LLM calls by rpm/tpm instead.</summary>
    private static GitbriefConfig ValidateRateLimit(YamlNodeReader reader, YamlNode node, GitbriefConfig config)
    {
        foreach (var (key, value, _) in reader.Mapping(node, "rate_limit", ["delays", "backoff", "retry"]))
        {
            if (reader.IsNull(value))
            {
                continue;
            }
            string[] keys = key switch
            {
                "delays" => ["fast", "normal", "slow"],
                "backoff" => ["initial", "max", "multiplier"],
                _ => ["max_attempts"],
            };
            foreach (var (inner, v, _) in reader.Mapping(value, $"rate_limit.{key}", keys))
            {
                reader.Number(v, $"rate_limit.{key}.{inner}", 0, 86_400);
            }
        }
        return config;
    }

    private static GitbriefConfig ReadFormat(YamlNodeReader reader, YamlNode node, GitbriefConfig config)
    {
        foreach (var (key, value, _) in reader.Mapping(node, "format", ["enable_toc", "enable_grouping", "enable_stats", "message", "diff"]))
        {
            if (reader.IsNull(value))
            {
                continue;
            }
            config = key switch
            {
                "enable_toc" => config with { EnableToc = reader.Bool(value, "format.enable_toc") },
                "enable_grouping" => config with { EnableGrouping = reader.Bool(value, "format.enable_grouping") },
                "enable_stats" => config with { EnableStats = reader.Bool(value, "format.enable_stats") },
                "message" => config with { TableMessage = reader.Choice(value, "format.message", "title", "full") },
                _ => ValidateDiff(reader, value, config),
            };
        }
        return config;
    }

    private static GitbriefConfig ValidateDiff(YamlNodeReader reader, YamlNode node, GitbriefConfig config)
    {
        foreach (var (key, value, _) in reader.Mapping(node, "format.diff", ["truncate_threshold", "truncate_to"]))
        {
            reader.Int(value, $"format.diff.{key}", 0, int.MaxValue);
        }
        return config;
    }

    private static LlmSettings ReadLlm(YamlNodeReader reader, YamlNode node)
    {
        var llm = new LlmSettings();
        string[] keys =
        [
            "base_url", "model", "api_key_env", "force_level", "max_concurrency", "rpm", "tpm", "timeout",
            "max_input_tokens", "max_output_tokens", "max_tokens", "temperature", "stream", "response_format",
            "importance", "max_retries", "retry_budget", "retry_delay",
        ];
        foreach (var (key, value, _) in reader.Mapping(node, "llm", keys))
        {
            if (reader.IsNull(value))
            {
                continue;
            }
            var name = "llm." + key;
            llm = key switch
            {
                "base_url" => llm with { BaseUrl = ReadUrl(reader, value, name, plainHttp: true) },
                "model" => llm with { Model = reader.String(value, name) },
                "api_key_env" => llm with { ApiKeyEnv = reader.String(value, name) },
                "force_level" => llm with { ForceLevel = reader.Choice(value, name, "high", "medium", "low") },
                "max_concurrency" => llm with { MaxConcurrency = reader.Int(value, name, 1, 256) },
                "rpm" => llm with { RequestsPerMinute = reader.Int(value, name, 1, 1_000_000) },
                "tpm" => llm with { TokensPerMinute = reader.Int(value, name, 1, int.MaxValue) },
                "timeout" => llm with { Timeout = TimeSpan.FromSeconds(reader.Number(value, name, 1, 3600)) },
                "max_input_tokens" => llm with { MaxInputTokens = reader.Int(value, name, 512, 10_000_000) },
                "max_output_tokens" or "max_tokens" => llm with { MaxOutputTokens = reader.Int(value, name, 64, 1_000_000) },
                "temperature" => llm with { Temperature = reader.Number(value, name, 0, 2) },
                "stream" => llm with { Stream = reader.Bool(value, name) },
                "response_format" => llm with { ResponseFormat = reader.Choice(value, name, "auto", "json_schema", "json_object", "text") },
                "importance" => llm with { ImportanceSource = reader.Choice(value, name, "rules", "llm", "hybrid") },
                "max_retries" => llm with { MaxRetries = reader.Int(value, name, 0, 20) },
                "retry_budget" => llm with { RetryBudget = reader.Int(value, name, 0, 1_000_000) },
                "retry_delay" => llm with { RetryDelay = TimeSpan.FromSeconds(reader.Number(value, name, 0, 600)) },
                _ => llm,
            };
        }
        return llm;
    }

    /// <summary><c>language: zh</c>, or a list (<c>[zh, en]</c>) whose first language keeps the plain file names.</summary>
    private static GitbriefConfig ReadLanguages(YamlNodeReader reader, YamlNode node, string key, GitbriefConfig config)
    {
        if (node is not YamlSequenceNode)
        {
            return config with { Language = reader.Choice(node, key, ReportLanguages.Codes), Languages = null };
        }
        var languages = reader.Sequence(node, key).Select(n => reader.Choice(n, key, ReportLanguages.Codes)).Distinct(StringComparer.Ordinal).ToList();
        return languages.Count == 0
            ? throw reader.Error(node).Because($"'{key}' needs at least one language ({string.Join(", ", ReportLanguages.Codes)})")
            : config with { Language = languages[0], Languages = languages };
    }

    private static string ReadTimeZone(YamlNodeReader reader, YamlNode node, string key)
    {
        var text = reader.String(node, key).Trim();
        return TimeZoneInfo.TryFindSystemTimeZoneById(text, out _)
            ? text
            : throw reader.Error(node).Because($"unknown time zone '{YamlNodeReader.Printable(text)}' (use an IANA name such as Asia/Shanghai)");
    }

    /// <summary>An http(s) URL without credentials; plain http only to this machine unless <paramref name="plainHttp"/>
    /// (an LLM endpoint on a private network: the request resolver warns about it).</summary>
    private static string ReadUrl(YamlNodeReader reader, YamlNode node, string key, bool plainHttp = false)
    {
        var text = reader.String(node, key);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw reader.Error(node).Because($"'{key}' must be an http(s) URL, not '{YamlNodeReader.Printable(SecretRedactor.Redact(text))}'");
        }
        if (UrlSecrecy.HasCredentials(uri))
        {
            throw reader.Error(node).Because($"'{key}' {UrlSecrecy.CredentialsProblem}");
        }
        if (!plainHttp && UrlSecrecy.IsPlainHttpOffLoopback(uri))
        {
            throw reader.Error(node).Because($"'{key}' {UrlSecrecy.PlainHttpProblem}");
        }
        return text;
    }
}
