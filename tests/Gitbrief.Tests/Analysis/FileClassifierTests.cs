using Gitbrief.Analysis;
using Gitbrief.Sources;

namespace Gitbrief.Tests.Analysis;

public sealed class FileClassifierTests
{
    [Theory]
    // Source
    [InlineData("src/Gitbrief/Program.cs", FileRole.Source)]
    [InlineData("pkg/server/main.py", FileRole.Source)]
    [InlineData("src/lib.rs", FileRole.Source)]
    [InlineData("cmd/tool/main.go", FileRole.Source)]
    [InlineData("web/src/App.tsx", FileRole.Source)]
    [InlineData("src\\Windows\\Path.cs", FileRole.Source)]
    [InlineData("src/Test.cs", FileRole.Source)]
    [InlineData("src/Latest.cs", FileRole.Source)]
    // Test
    [InlineData("tests/Gitbrief.Tests/AnalyzerTests.cs", FileRole.Test)]
    [InlineData("test/helpers.js", FileRole.Test)]
    [InlineData("autotest/utils/run_restful_chat.py", FileRole.Test)]
    [InlineData("regress/format-modifiers.sh", FileRole.Test)]
    [InlineData("src/test/regress/sql/join.sql", FileRole.Test)]
    [InlineData("internal/testutil/server.go", FileRole.Test)]
    [InlineData("crates/test-utils/src/lib.rs", FileRole.Test)]
    [InlineData("crates/engine-tests/src/lib.rs", FileRole.Test)]
    [InlineData("packages/router-test/index.ts", FileRole.Test)]
    [InlineData("Refit.Tests/RestService.cs", FileRole.Test)]
    [InlineData("src/Serilog.UnitTests/Support/Some.cs", FileRole.Test)]
    [InlineData("test/Npgsql.IntegrationTests/Fixture.cs", FileRole.Test)]
    [InlineData("src/Refit.Testing/Mocks.cs", FileRole.Source)]
    [InlineData("src/Refit/Contests.cs", FileRole.Source)]
    [InlineData("src/latest/index.ts", FileRole.Source)]
    [InlineData("crates/contest/src/lib.rs", FileRole.Source)]
    [InlineData(".coveragerc", FileRole.Test)]
    [InlineData("pytest.ini", FileRole.Test)]
    [InlineData("web/vitest.config.ts", FileRole.Test)]
    [InlineData("internal/parser/parser_test.go", FileRole.Test)]
    [InlineData("test_parser.py", FileRole.Test)]
    [InlineData("pkg/test_utils.py", FileRole.Test)]
    [InlineData("web/src/app.spec.ts", FileRole.Test)]
    [InlineData("web/src/app.test.tsx", FileRole.Test)]
    [InlineData("src/__tests__/button.jsx", FileRole.Test)]
    [InlineData("conftest.py", FileRole.Test)]
    [InlineData("src/ParserTests.cs", FileRole.Test)]
    [InlineData("tests/fixtures/README.md", FileRole.Test)]
    [InlineData("packages/anthropic/src/__fixtures__/anthropic-json-tool.1.json", FileRole.Test)]
    [InlineData("packages/ai/src/__mocks__/fetch.ts", FileRole.Test)]
    [InlineData("crates/fuzzing/src/oracles/api.rs", FileRole.Test)]
    [InlineData("fuzz/fuzz_targets/oom.rs", FileRole.Test)]
    [InlineData("benches/parse.rs", FileRole.Test)]
    // Docs
    [InlineData("docs/guide/install.md", FileRole.Docs)]
    [InlineData("po/de.po", FileRole.Docs)]
    [InlineData("warehouse/locale/messages.pot", FileRole.Docs)]
    [InlineData("src/lang/de-DE.json", FileRole.Docs)]
    [InlineData("app/assets/i18n/ar.json", FileRole.Docs)]
    [InlineData("features/home/impl/src/main/res/values-pl/translations.xml", FileRole.Docs)]
    [InlineData("features/home/impl/src/main/res/values/colors.xml", FileRole.Config)]
    [InlineData("src/lang/parser.go", FileRole.Source)]
    [InlineData("frontend/messages/de.json", FileRole.Docs)]
    [InlineData("frontend/messages/pt-BR.json", FileRole.Docs)]
    [InlineData("frontend/messages/zh-Hant.json", FileRole.Docs)]
    [InlineData("src/messages/schema.json", FileRole.Config)]
    [InlineData("java/org/apache/catalina/authenticator/LocalStrings_ja.properties", FileRole.Docs)]
    [InlineData("src/main/resources/messages_pt_BR.properties", FileRole.Docs)]
    [InlineData("sphinx/locale/ta/LC_MESSAGES/sphinx.js", FileRole.Docs)]
    [InlineData("java/org/apache/catalina/authenticator/LocalStrings.properties", FileRole.Config)]
    [InlineData("src/main/resources/application_db.properties", FileRole.Config)]
    [InlineData("docs/conf.py", FileRole.Docs)]
    // The project's web site at the root: its components and styles draw the docs.
    [InlineData("website/src/components/doc-navbar/index.tsx", FileRole.Docs)]
    [InlineData("www/content/talk/podcasts.csv", FileRole.Docs)]
    [InlineData("site/src/css/custom.css", FileRole.Docs)]
    [InlineData("src/website/handler.go", FileRole.Source)]
    [InlineData("README.md", FileRole.Docs)]
    [InlineData("MANUAL.html", FileRole.Docs)]
    [InlineData("MANUAL.txt", FileRole.Docs)]
    [InlineData("web/index.html", FileRole.Source)]
    [InlineData("CONTRIBUTING.md", FileRole.Docs)]
    [InlineData("src/notes.md", FileRole.Docs)]
    [InlineData("LICENSE", FileRole.Docs)]
    [InlineData("LICENSE-APACHE", FileRole.Docs)]
    [InlineData("glide-core/THIRD_PARTY_LICENSES_RUST", FileRole.Docs)]
    [InlineData("ThirdPartyNotices.txt", FileRole.Docs)]
    [InlineData("src/license.rs", FileRole.Source)]
    [InlineData("CHANGELOG", FileRole.Docs)]
    [InlineData("NEWS", FileRole.Docs)]
    [InlineData("ChangeLog", FileRole.Docs)]
    // A release-note fragment is docs in any format: istio's reno notes, towncrier's fragments, changesets.
    [InlineData("releasenotes/notes/cluster-trust-bundle.yaml", FileRole.Docs)]
    [InlineData("src/twisted/newsfragments/12252.feature", FileRole.Docs)]
    [InlineData(".changeset/pre.json", FileRole.Docs)]
    [InlineData("changelog.d/2209.packaging.toml", FileRole.Docs)]
    // A source file named like one of those is source.
    [InlineData("core/src/main/scala/org/http4s/server/middleware/History.scala", FileRole.Source)]
    [InlineData("src/components/News.tsx", FileRole.Source)]
    [InlineData("guide/index.rst", FileRole.Docs)]
    // Manual pages, by section number or their ronn source
    [InlineData("tmux.1", FileRole.Docs)]
    [InlineData("bundler/lib/bundler/man/bundle-add.1", FileRole.Docs)]
    [InlineData("bundler/lib/bundler/man/bundle-add.1.ronn", FileRole.Docs)]
    [InlineData("src/ares_query.3", FileRole.Docs)]
    [InlineData("lib/perl.3pm", FileRole.Docs)]
    [InlineData("src/version.10", FileRole.Other)]
    [InlineData("src/main.c1", FileRole.Other)]
    // CI
    [InlineData(".github/workflows/ci.yml", FileRole.CI)]
    [InlineData(".codecov.yml", FileRole.CI)]
    [InlineData(".coderabbit.yaml", FileRole.CI)]
    [InlineData(".github/workflows/release.yaml", FileRole.CI)]
    [InlineData(".gitlab-ci.yml", FileRole.CI)]
    [InlineData("Jenkinsfile", FileRole.CI)]
    [InlineData(".circleci/config.yml", FileRole.CI)]
    [InlineData(".claude/skills/create-tiny-model/scripts/finetune.py", FileRole.CI)]
    [InlineData(".opencode/skills/review/SKILL.md", FileRole.CI)]
    [InlineData(".cursor/rules/review.md", FileRole.CI)]
    // The repository's own developer tools (formatters, linters, hooks, ignore lists) at its root; a nested .gitignore
    // may shape what a package ships.
    [InlineData(".clang-format", FileRole.CI)]
    [InlineData(".gitignore", FileRole.CI)]
    [InlineData(".pre-commit-config.yaml", FileRole.CI)]
    [InlineData("rustfmt.toml", FileRole.CI)]
    [InlineData(".vscode/settings.json", FileRole.CI)]
    [InlineData("packages/app/.gitignore", FileRole.Config)]
    // Build
    [InlineData("Makefile", FileRole.Build)]
    [InlineData("CMakeLists.txt", FileRole.Build)]
    [InlineData("src/core/CMakeLists.txt", FileRole.Build)]
    [InlineData("src/Gitbrief/Gitbrief.csproj", FileRole.Build)]
    [InlineData("Dockerfile", FileRole.Build)]
    [InlineData("Dockerfile.dev", FileRole.Build)]
    [InlineData("Directory.Build.props", FileRole.Build)]
    [InlineData("docker-compose.yml", FileRole.Build)]
    [InlineData("cmake/FindFoo.cmake", FileRole.Build)]
    // Dependency manifests
    [InlineData("package.json", FileRole.DependencyManifest)]
    [InlineData("web/package.json", FileRole.DependencyManifest)]
    [InlineData("Cargo.toml", FileRole.DependencyManifest)]
    [InlineData("gradle/libs.versions.toml", FileRole.DependencyManifest)]
    [InlineData("requirements.txt", FileRole.DependencyManifest)]
    [InlineData("requirements-dev.txt", FileRole.DependencyManifest)]
    [InlineData("requirements/framework.txt", FileRole.DependencyManifest)]
    [InlineData("go.mod", FileRole.DependencyManifest)]
    [InlineData("pyproject.toml", FileRole.DependencyManifest)]
    [InlineData("Directory.Packages.props", FileRole.DependencyManifest)]
    // Lockfiles
    [InlineData("package-lock.json", FileRole.Lockfile)]
    [InlineData("Cargo.lock", FileRole.Lockfile)]
    [InlineData("web/yarn.lock", FileRole.Lockfile)]
    [InlineData("poetry.lock", FileRole.Lockfile)]
    [InlineData("go.sum", FileRole.Lockfile)]
    [InlineData("pnpm-lock.yaml", FileRole.Lockfile)]
    [InlineData("something.lock", FileRole.Lockfile)]
    // Generated
    [InlineData("api/v1/service.pb.go", FileRole.Generated)]
    [InlineData("proto/service_pb2.py", FileRole.Generated)]
    [InlineData("static/js/app.min.js", FileRole.Generated)]
    [InlineData("dist/bundle.js", FileRole.Generated)]
    [InlineData("src/Forms/Main.Designer.cs", FileRole.Generated)]
    [InlineData("src/__snapshots__/view.js", FileRole.Generated)]
    // Vendored
    [InlineData("vendor/github.com/pkg/errors/errors.go", FileRole.Vendored)]
    [InlineData("third_party/zlib/inflate.c", FileRole.Vendored)]
    [InlineData("web/node_modules/lodash/index.js", FileRole.Vendored)]
    [InlineData("vendor/acme/package.json", FileRole.Vendored)]
    // Binary
    [InlineData("assets/logo.png", FileRole.Binary)]
    [InlineData("vendor/icons/icon.png", FileRole.Binary)]
    [InlineData("models/weights.safetensors", FileRole.Binary)]
    [InlineData("docs/manual.pdf", FileRole.Binary)]
    // Config
    [InlineData("config/app.yaml", FileRole.Config)]
    [InlineData("deploy/values.yml", FileRole.Config)]
    [InlineData("settings.json", FileRole.Config)]
    [InlineData(".env.example", FileRole.Config)]
    [InlineData(".gitattributes", FileRole.Config)]
    // Other
    [InlineData("data/table.xyz", FileRole.Other)]
    [InlineData("", FileRole.Other)]
    public void Paths_get_the_role_of_the_documented_table(string path, object expected)
    {
        Assert.Equal((FileRole)expected, FileClassifier.Classify(path));
    }

    [Fact]
    public void The_binary_flag_wins_over_the_path()
    {
        Assert.Equal(FileRole.Binary, FileClassifier.Classify(new FileChange("src/main.c", null, FileStatus.Modified, 0, 0, true)));
        Assert.Equal(FileRole.Source, FileClassifier.Classify(new FileChange("src/main.c", null, FileStatus.Modified, 3, 1, false)));
    }

    [Theory]
    [InlineData(FileRole.Source, true)]
    [InlineData(FileRole.Test, true)]
    [InlineData(FileRole.Docs, true)]
    [InlineData(FileRole.Config, true)]
    [InlineData(FileRole.DependencyManifest, true)]
    [InlineData(FileRole.Lockfile, false)]
    [InlineData(FileRole.Generated, false)]
    [InlineData(FileRole.Vendored, false)]
    [InlineData(FileRole.Binary, false)]
    public void Only_lockfile_generated_vendored_and_binary_churn_is_not_meaningful(object role, bool meaningful)
    {
        var file = new ClassifiedFile(new FileChange("x", null, FileStatus.Modified, 1, 1, false), (FileRole)role);
        Assert.Equal(meaningful, file.IsMeaningful);
    }
}
