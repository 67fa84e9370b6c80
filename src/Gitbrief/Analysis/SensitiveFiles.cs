using System.Text.RegularExpressions;

namespace Gitbrief.Analysis;

/// <summary>Paths whose change deserves a reviewer's attention beyond their size: schemas and migrations,
/// public API surfaces, and configuration.</summary>
internal static partial class SensitiveFiles
{
    public static bool IsMigration(string path) => MigrationPattern().IsMatch(path);

    public static bool IsPublicApi(string path) => PublicApiPattern().IsMatch(path);

    public static bool IsSchema(string path) => SchemaPattern().IsMatch(path);

    /// <summary>A configuration file that sets how the product behaves (settings, defaults, profiles, .env, .ini…),
    /// as opposed to a data file in a configuration format or a tool's dotfile (.gitignore, .pre-commit-config.yaml).</summary>
    public static bool IsSettings(string path) =>
        !Path.GetFileName(path).StartsWith('.') ? SettingsPattern().IsMatch(path) : Path.GetFileName(path).StartsWith(".env", StringComparison.Ordinal);

    [GeneratedRegex(@"(^|/)(migrations?|alembic|db/migrate|flyway)/|\.sql$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MigrationPattern();

    [GeneratedRegex(@"(^|/)include/.+\.(h|hpp|hh)$|(^|/)(api|apis|public)/|openapi\.(ya?ml|json)$|swagger\.(ya?ml|json)$|\.d\.ts$|(^|/)__init__\.py$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublicApiPattern();

    [GeneratedRegex(@"\.(ini|cfg|conf|env|properties|toml)$|(config|setting|default|conf|option|param|profile)[^/]*$|(^|/)(configs?|settings|conf|etc)/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SettingsPattern();

    [GeneratedRegex(@"\.(proto|graphql|avsc|thrift|fbs)$|(^|/)schemas?(\.|/)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemaPattern();
}
