using System.Buffers;
using System.Text.RegularExpressions;

namespace Gitbrief.Analysis;

/// <summary>Paths whose change deserves a reviewer's attention beyond their size: schemas and migrations,
/// public API surfaces, and configuration.</summary>
/// <remarks>Each pattern is asked of every file of a commit, several times (20,000 files for a mass reformat): an ASCII
/// path that holds none of the words a pattern needs (<see cref="MigrationWords"/> …) cannot match it and is answered
/// without running the regex. Any other path goes to the regex, whose case-insensitive matching also takes non-ASCII
/// letters (the Kelvin sign for k) that an ordinal comparison would not.</remarks>
internal static partial class SensitiveFiles
{
    /// <summary>What every match of <see cref="MigrationPattern"/> contains ("migration" for migration/ and migrations/).</summary>
    private static readonly string[] MigrationWordList = ["migration", "alembic/", "db/migrate/", "flyway/", ".sql"];
    private static readonly SearchValues<string> MigrationWords = SearchValues.Create(MigrationWordList, StringComparison.OrdinalIgnoreCase);

    /// <summary>What every match of <see cref="PublicApiPattern"/> contains: a directory api/, apis/ or public/, an OpenAPI or
    /// Swagger document… ("api/" and "apis/", not "api": a project named Acme.Api.Clients has the word in every path).</summary>
    private static readonly string[] PublicApiWordList = ["include/", "api/", "apis/", "public/", "openapi.", "swagger.", ".d.ts", "__init__.py"];
    private static readonly SearchValues<string> PublicApiWords = SearchValues.Create(PublicApiWordList, StringComparison.OrdinalIgnoreCase);

    /// <summary>What every match of <see cref="SchemaPattern"/> contains.</summary>
    private static readonly string[] SchemaWordList = [".proto", ".graphql", ".avsc", ".thrift", ".fbs", "schema"];
    private static readonly SearchValues<string> SchemaWords = SearchValues.Create(SchemaWordList, StringComparison.OrdinalIgnoreCase);

    /// <summary>What every match of <see cref="MigrationPattern"/> or <see cref="SchemaPattern"/> contains.</summary>
    private static readonly SearchValues<string> MigrationOrSchemaWords =
        SearchValues.Create([.. MigrationWordList, .. SchemaWordList], StringComparison.OrdinalIgnoreCase);

    /// <summary>What every match of the three patterns of <see cref="IsSensitive"/> contains.</summary>
    private static readonly SearchValues<string> SensitiveWords =
        SearchValues.Create([.. MigrationWordList, .. SchemaWordList, .. PublicApiWordList], StringComparison.OrdinalIgnoreCase);

    /// <summary><see cref="IsMigration"/> or <see cref="IsSchema"/>: a path that holds none of either's words is answered by one scan.</summary>
    public static bool IsMigrationOrSchema(string path) => PatternWords.MayMatch(path, MigrationOrSchemaWords) && (IsMigration(path) || IsSchema(path));

    /// <summary>A migration, a schema or a public API (<see cref="IsMigration"/>, <see cref="IsSchema"/>, <see cref="IsPublicApi"/>):
    /// a path that holds none of their words is answered by one scan.</summary>
    public static bool IsSensitive(string path) => PatternWords.MayMatch(path, SensitiveWords) && (IsMigration(path) || IsSchema(path) || IsPublicApi(path));

    public static bool IsMigration(string path) => PatternWords.MayMatch(path, MigrationWords) && MigrationPattern().IsMatch(path);

    public static bool IsPublicApi(string path) => PatternWords.MayMatch(path, PublicApiWords) && PublicApiPattern().IsMatch(path);

    public static bool IsSchema(string path) => PatternWords.MayMatch(path, SchemaWords) && SchemaPattern().IsMatch(path);

    /// <summary>A configuration file that sets how the product behaves (settings, defaults, profiles, .env, .ini…),
    /// as opposed to a data file in a configuration format or a tool's dotfile (.gitignore, .pre-commit-config.yaml).</summary>
    public static bool IsSettings(string path) =>
        !Path.GetFileName(path).StartsWith('.') ? SettingsPattern().IsMatch(path) : Path.GetFileName(path).StartsWith(".env", StringComparison.Ordinal);

    [GeneratedRegex(@"(^|/)(migrations?|alembic|db/migrate|flyway)/|\.sql$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex MigrationPattern();

    [GeneratedRegex(@"(^|/)include/.+\.(h|hpp|hh)$|(^|/)(api|apis|public)/|openapi\.(ya?ml|json)$|swagger\.(ya?ml|json)$|\.d\.ts$|(^|/)__init__\.py$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex PublicApiPattern();

    [GeneratedRegex(@"\.(ini|cfg|conf|env|properties|toml)$|(config|setting|default|conf|option|param|profile)[^/]*$|(^|/)(configs?|settings|conf|etc)/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SettingsPattern();

    [GeneratedRegex(@"\.(proto|graphql|avsc|thrift|fbs)$|(^|/)schemas?\.[^/]+$|(^|/)schemas?/(?:[^/]+/)*[^/]+\.(json|ya?ml|sql|xsd)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex SchemaPattern();
}
