using Gitbrief.Analysis;

namespace Gitbrief.Tests.Analysis;

/// <summary>The word check before each pattern (a path without the words a pattern needs is answered without the regex)
/// never changes an answer: every path, in any case, ASCII or not, gets the regex's own answer.</summary>
public sealed class SensitiveFilesTests
{
    /// <summary>Stems and ends that the three patterns look for, and near misses of them.</summary>
    private static readonly string[] Parts =
    [
        "", "src", "lib", "include", "includes", "api", "apis", "API", "Apis", "public", "Public", "openapi.yaml", "OpenAPI.JSON", "openapi.yml",
        "swagger.json", "Swagger.YML", "types.d.ts", "index.D.TS", "__init__.py", "__INIT__.PY", "x__init__.py", "migration", "migrations",
        "Migrations", "migrate", "db", "alembic", "ALEMBIC", "flyway", "schema.sql", "dump.SQL", "schema", "schemas", "Schema.json",
        "event.proto", "query.graphql", "record.avsc", "service.thrift", "table.fbs", "header.h", "header.HPP", "header.hh", "client.cs",
        "Client00042.cs", "rapid", "apiary", "publicity", "schematic", ".github", "tests", "Acme.Api.Clients", "api.go", "myapi", "xapis",
        "openapi", "OpenApi.cs", "API.Docs",
        // Letters the regex matches case-insensitively beyond ASCII: the long s (ſ), the Kelvin sign (K), the dotted I (İ).
        "\u017Fchema", "\u017Fwagger.json", "publ\u0130c", "\u212Aeys", "mıgrations", "caf\u00E9",
    ];

    private static List<string> Paths()
    {
        var paths = new List<string>();
        foreach (var first in Parts)
        {
            foreach (var second in Parts)
            {
                paths.Add(first.Length == 0 ? second : $"{first}/{second}");
            }
        }
        paths.Add("db/migrate/20250101_add_users.rb");
        paths.Add("DB/Migrate/001.rb");
        paths.Add("src/include/deep/nested/file.h");
        paths.Add("schema.sql\n");
        paths.Add("types.d.ts\n");
        return paths;
    }

    [Fact]
    public void EveryPathGetsTheRegexAnswer()
    {
        var paths = Paths();
        var differing = paths.Where(path =>
            SensitiveFiles.MigrationPattern().IsMatch(path) != SensitiveFiles.IsMigration(path)
            || SensitiveFiles.PublicApiPattern().IsMatch(path) != SensitiveFiles.IsPublicApi(path)
            || SensitiveFiles.SchemaPattern().IsMatch(path) != SensitiveFiles.IsSchema(path)).ToList();
        Assert.Empty(differing);
        // The paths do exercise every pattern, both ways.
        Assert.Contains(paths, SensitiveFiles.IsMigration);
        Assert.Contains(paths, SensitiveFiles.IsPublicApi);
        Assert.Contains(paths, SensitiveFiles.IsSchema);
        Assert.Contains(paths, p => !SensitiveFiles.IsMigration(p) && !SensitiveFiles.IsPublicApi(p) && !SensitiveFiles.IsSchema(p));
    }

    [Theory]
    [InlineData("src/API/Client.cs", false, true, false)]
    [InlineData("openapi.YAML", false, true, false)]
    [InlineData("DB/Migrate/001.rb", true, false, false)]
    [InlineData("proto/Event.PROTO", false, false, true)]
    [InlineData("src/clients/group000/Client00000.cs", false, false, false)]
    [InlineData("docs/caf\u00E9/schema.json", false, false, true)]
    [InlineData("src/Acme.Api.Clients/Group000/Client00000.cs", false, false, false)]
    [InlineData("src/Acme.Api.Clients/api/Client.cs", false, true, false)]
    // laravel: the code that writes schemas is no schema; a schema's definition file is one.
    [InlineData("src/Illuminate/Database/Schema/Grammars/MySqlGrammar.php", false, false, false)]
    [InlineData("config/schemas/event/v2.json", false, false, true)]
    [InlineData("prisma/schema.prisma", false, false, true)]
    public void AnswersStayWhatTheyWere(string path, bool migration, bool publicApi, bool schema)
    {
        Assert.Equal(migration, SensitiveFiles.IsMigration(path));
        Assert.Equal(publicApi, SensitiveFiles.IsPublicApi(path));
        Assert.Equal(schema, SensitiveFiles.IsSchema(path));
    }
}
