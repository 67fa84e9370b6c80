using System.Text.RegularExpressions;

namespace Gitbrief.Analysis;

/// <summary>Paths whose change deserves a reviewer's attention beyond their size: schemas and migrations,
/// public API surfaces, and configuration.</summary>
internal static partial class SensitiveFiles
{
    public static bool IsMigration(string path) => MigrationPattern().IsMatch(path);

    public static bool IsPublicApi(string path) => PublicApiPattern().IsMatch(path);

    public static bool IsSchema(string path) => SchemaPattern().IsMatch(path);

    [GeneratedRegex(@"(^|/)(migrations?|alembic|db/migrate|flyway)/|\.sql$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MigrationPattern();

    [GeneratedRegex(@"(^|/)include/.+\.(h|hpp|hh)$|(^|/)(api|apis|public)/|openapi\.(ya?ml|json)$|swagger\.(ya?ml|json)$|\.d\.ts$|(^|/)__init__\.py$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublicApiPattern();

    [GeneratedRegex(@"\.(proto|graphql|avsc|thrift|fbs)$|(^|/)schemas?(\.|/)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemaPattern();
}
