using Gitbrief.Common;
using Gitbrief.Configuration.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gitbrief.Configuration;

/// <summary>Reads gitbrief.yaml (or the current tool's config.yaml, whose keys keep their meaning) through the
/// schema (<see cref="TopLevelSchema"/>). Unknown keys, wrong types and bad values are errors with file:line.</summary>
public static class ConfigLoader
{
    public static readonly IReadOnlyList<string> DefaultFileNames = ["gitbrief.yaml", "gitbrief.yml"];

    /// <summary>The previous tool's config file, read from the current directory when there is no gitbrief.yaml.</summary>
    public const string LegacyFileName = "config.yaml";

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
            YamlMappingNode mapping => mapping.Children.Keys.FirstOrDefault(k => !TopLevelSchema.Section.Names.Contains((k as YamlScalarNode)?.Value ?? string.Empty)),
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
        var root = new ConfigNode(new YamlNodeReader(displayName), stream.Documents[0].RootNode, "top level");
        return TopLevelSchema.Section.Read(root, GitbriefConfig.Empty);
    }
}
