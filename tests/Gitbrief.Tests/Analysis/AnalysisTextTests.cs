using Gitbrief.Analysis;

namespace Gitbrief.Tests.Analysis;

/// <summary>The summary, impact, risk and recommendation texts of the rules analysis (English).</summary>
public sealed class AnalysisTextTests
{
    [Fact]
    public void The_summary_is_the_subject_then_the_file_counts()
    {
        var analysis = CommitBuilder.Message("fix(parser): handle empty input").File("src/parser.rs", 10, 2).Analyze().Analysis;

        Assert.Equal(AnalysisSource.Rules, analysis.Source);
        Assert.Equal(["handle empty input", "1 file changed (1 source), +10/-2 lines"], analysis.Summary);
    }

    [Fact]
    public void Body_bullets_become_summary_points()
    {
        var message = "feat: exporter\n\n- write CSV\n* write JSON\n1. stream large tables\n\nSigned-off-by: A <a@example.com>";

        var analysis = CommitBuilder.Message(message).File("src/export.py", 10).File("tests/test_export.py", 5).Analyze().Analysis;

        Assert.Equal(["write CSV", "write JSON", "stream large tables", "2 files changed (1 source, 1 test), +15/-0 lines"], analysis.Summary);
    }

    [Fact]
    public void A_body_paragraph_is_split_into_sentences_and_at_most_five_points_are_kept()
    {
        var message = "fix: pager\n\nOne. Two! Three? Four. Five. Six.\nStill six.\n\nSecond paragraph.";

        var summary = CommitBuilder.Message(message).Analyze().Analysis.Summary;

        Assert.Equal(["One.", "Two!", "Three?", "Four.", "Five."], summary);
    }

    [Fact]
    public void A_big_core_source_change_without_tests_names_the_files()
    {
        var analysis = CommitBuilder.Message("feat: new planner").Files(6, i => $"src/planner/p{i}.go", 120).Analyze().Analysis;

        Assert.Contains("720 lines added to src/planner/p0.go, src/planner/p1.go, src/planner/p2.go (+3 more) without any test change", analysis.Risks);
        Assert.Contains("add tests for the changes in src/planner/p0.go, src/planner/p1.go, src/planner/p2.go (+3 more)", analysis.Recommendations);
        Assert.Contains("large change: 720 changed lines in src/planner, hard to review", analysis.Risks);
        Assert.Contains("review it component by component, starting with src/planner", analysis.Recommendations);
    }

    [Fact]
    public void A_source_change_with_tests_is_not_noted()
    {
        var analysis = CommitBuilder.Message("feat: new planner").File("src/planner.go", 80).File("src/planner_test.go", 50).Analyze().Analysis;

        Assert.DoesNotContain(analysis.Risks, r => r.Contains("without any test change", StringComparison.Ordinal));
        Assert.Empty(analysis.Recommendations);
    }

    [Theory]
    [InlineData("src/cron.rs", "#[cfg(test)]", "mod tests {", "#[test]")]
    [InlineData("src/main/java/acme/Cron.java", "@Test", "void parses() {")]
    [InlineData("src/Cron.cs", "[Fact]", "public void Parses() {")]
    public void Tests_added_inside_the_source_files_are_test_changes(string path, params string[] testLines)
    {
        var code = Enumerable.Range(0, 60).Select(i => $"+    let field{i} = parse({i});");
        var analysis = CommitBuilder.Message("refactor(cron): replace the saffron parser")
            .Diff(path, [.. code, .. testLines.Select(l => "+    " + l)]).Analyze().Analysis;
        var untested = CommitBuilder.Message("refactor(cron): replace the saffron parser").Diff(path, [.. code]).Analyze().Analysis;

        Assert.DoesNotContain(analysis.Risks, r => r.Contains("without any test change", StringComparison.Ordinal));
        Assert.Contains(untested.Risks, r => r.Contains("without any test change", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("src/parser.rs", 3, 1)]
    [InlineData("src/parser.rs", 40, 30)]
    [InlineData("benchmarks/throughput/run.py", 300, 0)]
    [InlineData("examples/chat/server.py", 300, 0)]
    [InlineData("tools/release/notes.py", 300, 0)]
    [InlineData("scripts/ci/lint.sh", 300, 0)]
    public void Small_fixes_and_peripheral_code_are_not_asked_for_tests(string path, int additions, int deletions)
    {
        var analysis = CommitBuilder.Message("fix: off-by-one in the window").File(path, additions, deletions).Analyze().Analysis;

        Assert.Empty(analysis.Risks);
        Assert.Empty(analysis.Recommendations);
    }

    [Fact]
    public void A_migration_is_noted()
    {
        var analysis = CommitBuilder.Message("feat: users table").Added("db/migrations/0007_users.sql", 30).Analyze().Analysis;

        Assert.Contains("database migration / SQL changed: db/migrations/0007_users.sql", analysis.Impact);
        Assert.Contains("changes migrations or schemas (db/migrations/0007_users.sql); deployment order and rollback need care", analysis.Risks);
        Assert.Contains("review db/migrations/0007_users.sql before deploying and make sure it can be rolled back", analysis.Recommendations);
    }

    [Fact]
    public void A_schema_change_is_noted()
    {
        var analysis = CommitBuilder.Message("feat: add email field").File("proto/user.proto", 3).Analyze().Analysis;

        Assert.Contains("schema definitions changed: proto/user.proto", analysis.Impact);
        Assert.Contains("changes migrations or schemas (proto/user.proto); deployment order and rollback need care", analysis.Risks);
    }

    [Fact]
    public void A_config_change_names_the_file()
    {
        var analysis = CommitBuilder.Message("chore: raise pool size").File("config/app.yaml", 1, 1).Analyze().Analysis;

        Assert.Contains("configuration changed: config/app.yaml", analysis.Impact);
        Assert.Equal(["changes the configuration in config/app.yaml; default behaviour may differ"], analysis.Risks);
        Assert.Equal(["check whether your settings in config/app.yaml need adjusting"], analysis.Recommendations);
    }

    [Theory]
    [InlineData("Raise the default max_running_requests")]
    [InlineData("feat: enable the radix cache by default")]
    [InlineData("chore: set the default timeout to 30 s")]
    public void A_change_of_defaults_names_the_file_it_changes(string title)
    {
        var analysis = CommitBuilder.Message(title).File("config/defaults.yaml", 1, 1).Analyze().Analysis;

        Assert.Equal(["changes default values in config/defaults.yaml; behaviour after upgrading may differ"], analysis.Risks);
        Assert.Equal(["check that the new defaults in config/defaults.yaml suit your deployments"], analysis.Recommendations);
    }

    [Fact]
    public void Data_files_in_a_configuration_format_carry_no_configuration_risk()
    {
        var analysis = CommitBuilder.Message("Drop PyPy bz2 dists").File("crates/uv-python/download-metadata.json", 10, 300).Analyze().Analysis;

        Assert.Contains("configuration changed: crates/uv-python/download-metadata.json", analysis.Impact);
        Assert.Empty(analysis.Risks);
    }

    [Fact]
    public void A_manifest_edited_beside_a_feature_is_not_a_dependency_change()
    {
        var analysis = CommitBuilder.Message("Stabilize preview features").File("crates/uv/src/lib.rs", 20, 5).File("crates/uv-toml/Cargo.toml", 2, 1).Analyze().Analysis;

        Assert.Contains("dependency manifests changed: crates/uv-toml/Cargo.toml", analysis.Impact);
        Assert.Empty(analysis.Recommendations);
    }

    [Fact]
    public void Tool_dotfiles_are_configuration_but_carry_no_risk()
    {
        var analysis = CommitBuilder.Message("chore: ignore build output").File("web/.gitignore", 2).File(".gitattributes", 3).Analyze().Analysis;

        Assert.Contains("configuration changed: web/.gitignore, .gitattributes", analysis.Impact);
        Assert.Empty(analysis.Risks);
        Assert.Empty(analysis.Recommendations);
    }

    [Theory]
    [InlineData("include/mylib/client.h")]
    [InlineData("src/api/handlers.go")]
    [InlineData("types/index.d.ts")]
    [InlineData("mypkg/__init__.py")]
    [InlineData("openapi.yaml")]
    public void A_public_api_change_is_noted(string path)
    {
        var analysis = CommitBuilder.Message("feat: new call").File(path, 5).Analyze().Analysis;

        Assert.Contains($"public API files changed: {path}", analysis.Impact);
        Assert.Contains($"changes the public API in {path}; callers may be affected", analysis.Risks);
        Assert.Contains($"confirm that the API changes in {path} are compatible, and update callers and docs", analysis.Recommendations);
    }

    /// <summary>torchtitan's <c>experiments/rl/__init__.py</c> whose docstring alone changed (2026-08-20): no API changed,
    /// so no API advice; the same file with a line of code changed gets it.</summary>
    [Fact]
    public void An_api_file_whose_docstring_alone_changed_gets_no_api_advice()
    {
        const string path = "mypkg/__init__.py";
        var docstring = CommitBuilder.Message("feat: new call").File(path, 2, 2).File("mypkg/trainer.py", 5)
            .Diff(path, "-This package holds the reinforcement learning recipes of the project.", "+This package holds the RL recipes and their trainers.",
                "-# See the checkpoint module for the legacy import path.", "+# The legacy import path is gone.")
            .Diff("mypkg/trainer.py", "+def train(config):", "+    model = build(config)", "+    for step in range(config.steps):", "+        model.step()",
                "+    return model")
            .Analyze().Analysis;
        var code = CommitBuilder.Message("feat: new call").File(path, 5)
            .Diff(path, "+from .checkpoint import Checkpointer", "+from .checkpoint import load_state", "+from .checkpoint import save_state",
                "+", "+__all__ = [\"Checkpointer\", \"load_state\", \"save_state\"]")
            .Analyze().Analysis;

        Assert.DoesNotContain(docstring.Recommendations, line => line.Contains("API changes", StringComparison.Ordinal));
        Assert.DoesNotContain(docstring.Risks, line => line.Contains("public API", StringComparison.Ordinal));
        Assert.Contains($"confirm that the API changes in {path} are compatible, and update callers and docs", code.Recommendations);
    }

    /// <summary>A test package's <c>__init__.py</c> or a docs page named like an API file is no one's API: not listed, no
    /// risk, no advice, no sensitive-file point.</summary>
    [Theory]
    [InlineData("tests/functional_tests/models/mistral/__init__.py")]
    [InlineData("docs/api/index.d.ts")]
    public void Test_and_docs_files_named_like_api_files_are_not_public_api(string path)
    {
        var analyzed = CommitBuilder.Message("chore(model): deprecate legacy model support").File(path, 0, 40).File("src/models/registry.py", 3, 30).Analyze();

        Assert.DoesNotContain(analyzed.Analysis.Impact, line => line.StartsWith("public API files changed", StringComparison.Ordinal));
        Assert.DoesNotContain(analyzed.Analysis.Risks, line => line.Contains(path, StringComparison.Ordinal));
        Assert.DoesNotContain(analyzed.Importance.Reasons, r => r.Code == "sensitive-files");
    }

    [Fact]
    public void Vendored_api_headers_are_not_public_api()
    {
        var analysis = CommitBuilder.Message("chore: update vendored zlib").File("third_party/zlib/include/zlib.h", 50).Analyze().Analysis;

        Assert.DoesNotContain(analysis.Impact, s => s.StartsWith("public API", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dependency_bump_names_the_dependency()
    {
        var analysis = CommitBuilder.Message("Bump react from 18.2.0 to 18.3.1").File("web/package.json", 1, 1).File("web/package-lock.json", 300, 280).Analyze().Analysis;

        Assert.Contains("dependency manifests changed: web/package.json", analysis.Impact);
        Assert.Equal(["react updated to 18.3.1 (web/package.json); the new version may behave differently"], analysis.Risks);
        Assert.Equal(["read the release notes and advisories of react 18.3.1"], analysis.Recommendations);
    }

    [Fact]
    public void A_manifest_change_without_a_named_dependency_names_the_manifest()
    {
        var analysis = CommitBuilder.Message("build: widen the numpy range").File("pyproject.toml", 1, 1).Analyze().Analysis;

        Assert.Equal(["dependency manifest pyproject.toml changed; new versions may behave differently"], analysis.Risks);
        Assert.Equal(["read the release notes and advisories of the dependencies changed in pyproject.toml"], analysis.Recommendations);
    }

    [Theory]
    [InlineData("chore: release v0.5.3")]
    [InlineData("Bump version to 0.5.3")]
    [InlineData("v0.5.3")]
    [InlineData("chore(release): 0.5.3")]
    [InlineData("[Release] bump version to 0.5.3")]
    public void The_projects_own_version_bump_is_not_a_dependency_change(string title)
    {
        var analysis = CommitBuilder.Message(title).File("pyproject.toml", 1, 1).File("python/pkg/version.py", 1, 1).Analyze().Analysis;

        Assert.Empty(analysis.Risks);
        Assert.Empty(analysis.Recommendations);
    }

    [Fact]
    public void Manifests_of_docs_and_benchmarks_carry_no_dependency_advice()
    {
        var analysis = CommitBuilder.Message("Bump sphinx from 7.0 to 8.0").File("docs/requirements.txt", 1, 1).File("benchmarks/requirements.txt", 1, 1).Analyze().Analysis;

        Assert.Empty(analysis.Risks);
        Assert.Empty(analysis.Recommendations);
    }

    [Fact]
    public void A_ci_change_is_noted()
    {
        var analysis = CommitBuilder.Message("ci: cache").File(".github/workflows/ci.yml", 3).Analyze().Analysis;

        Assert.Equal(["CI or developer tooling changed: .github/workflows/ci.yml"], analysis.Impact);
        Assert.Empty(analysis.Recommendations);
    }

    [Fact]
    public void Long_path_lists_are_shortened()
    {
        var analysis = CommitBuilder.Message("chore: settings").Files(5, i => $"config/s{i}.yaml", 1).Analyze().Analysis;

        Assert.Contains("configuration changed: config/s0.yaml, config/s1.yaml, config/s2.yaml (+2 more)", analysis.Impact);
    }

    [Fact]
    public void Breaking_security_and_revert_lead_the_risks_and_name_what_they_are_about()
    {
        var breaking = CommitBuilder.Message("feat(client)!: drop v1 API").File("src/a.cs").File("tests/a.cs").Analyze().Analysis;
        Assert.Equal("declares a breaking change (client); code that depends on it may need to change", breaking.Risks[0]);
        Assert.Equal("check that code and docs depending on client follow the change, and note it in the release notes", breaking.Recommendations[0]);

        var security = CommitBuilder.Message("fix: patch CVE-2026-1234").File("src/a.cs").File("tests/a.cs").Analyze().Analysis;
        Assert.Equal("the message mentions the security keyword \"CVE-2026-1234\"; it touches src/a.cs", security.Risks[0]);
        Assert.Equal("verify that the fix in src/a.cs is complete, find the affected versions and plan the upgrade", security.Recommendations[0]);

        var revert = CommitBuilder.Message("Revert \"feat: x\"").File("src/a.cs").File("tests/a.cs").Analyze().Analysis;
        Assert.Equal(["reverts \"feat: x\"; what it added or fixed is undone"], revert.Risks);
        Assert.Equal(["find out why \"feat: x\" was reverted and whether a follow-up is planned"], revert.Recommendations);
    }

    [Fact]
    public void A_security_fix_in_a_benchmark_tool_gets_no_upgrade_advice()
    {
        var analysis = CommitBuilder.Message("fix: path traversal in the result uploader").File("benchmarks/upload.py", 12, 3).Analyze().Analysis;

        Assert.Equal(["verify that the fix in benchmarks/upload.py is complete"], analysis.Recommendations);
        Assert.DoesNotContain(analysis.Recommendations, r => r.Contains("upgrade", StringComparison.Ordinal));
    }

    [Fact]
    public void A_commit_with_nothing_to_flag_has_no_risks_and_no_recommendations()
    {
        var analysis = CommitBuilder.Message("docs: typo").File("docs/intro.md", 1, 1).Analyze().Analysis;

        Assert.Empty(analysis.Risks);
        Assert.Empty(analysis.Recommendations);
    }

    [Fact]
    public void Security_insights_carry_a_severity()
    {
        var cve = CommitBuilder.Message("fix: CVE-2026-1234 in the decoder").File("src/a.c").Analyze().Analysis;
        var insight = Assert.Single(cve.Insights!.Security);
        Assert.Equal("high", insight.Severity);
        Assert.Equal("the message mentions the security keyword \"CVE-2026-1234\"", insight.Text);

        var csrf = CommitBuilder.Message("fix: check the CSRF token").File("src/a.c").Analyze().Analysis;
        Assert.Equal("medium", Assert.Single(csrf.Insights!.Security).Severity);

        var plain = CommitBuilder.Message("fix: typo").File("src/a.c").Analyze().Analysis;
        Assert.Empty(plain.Insights!.Security);
    }

    [Fact]
    public void A_performance_claim_is_an_insight_without_invented_numbers()
    {
        var analysis = CommitBuilder.Message("perf: cache parsed templates").File("src/t.rs").Analyze().Analysis;

        Assert.Equal(["declared as a performance change in src (no benchmark results in the data)"], analysis.Insights!.Performance.Select(i => i.Text));
    }

    [Fact]
    public void Architecture_insights_count_new_renamed_and_deleted_files()
    {
        var builder = CommitBuilder.Message("refactor: reorganise")
            .Added("src/core/new.cs")
            .Added("src/core/newer.cs")
            .Renamed("src/old/a.cs", "src/core/a.cs");
        for (var i = 0; i < 10; i++)
        {
            builder.Deleted($"legacy/f{i}.cs");
        }

        var analysis = builder.Analyze().Analysis;
        var texts = analysis.Insights!.Architecture.Select(i => i.Text).ToList();

        Assert.Contains("touches 2 components: legacy, src/core", texts);
        Assert.Contains("2 new files", texts);
        Assert.Contains("1 file renamed or moved", texts);
        Assert.Contains("10 files deleted", texts);
        Assert.Contains("10 files deleted (legacy)", analysis.Risks);
    }

    [Fact]
    public void Architecture_insights_use_the_singular_for_one_file()
    {
        var analysis = CommitBuilder.Message("refactor: swap")
            .Added("src/new.cs")
            .Deleted("src/old.cs")
            .Analyze().Analysis;
        var texts = analysis.Insights!.Architecture.Select(i => i.Text).ToList();

        Assert.Contains("1 new file", texts);
        Assert.Contains("1 file deleted", texts);
    }

    [Fact]
    public void Lists_are_never_null()
    {
        var analysis = CommitBuilder.Message("wip").Analyze().Analysis;

        Assert.NotNull(analysis.Impact);
        Assert.NotNull(analysis.Risks);
        Assert.NotNull(analysis.Recommendations);
        Assert.NotNull(analysis.Components);
        Assert.NotNull(analysis.Insights);
    }
}
