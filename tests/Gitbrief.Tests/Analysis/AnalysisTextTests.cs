using Gitbrief.Analysis;

namespace Gitbrief.Tests.Analysis;

/// <summary>The summary, impact, risk and recommendation texts of the rules analysis (English).</summary>
public sealed class AnalysisTextTests
{
    private static readonly RulesPhrases En = RulesPhrases.English;

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
    public void A_big_source_change_without_tests_is_noted()
    {
        var analysis = CommitBuilder.Message("feat: new planner").Files(6, i => $"src/planner/p{i}.go", 120).Analyze().Analysis;

        Assert.Contains(En.RiskNoTests, analysis.Risks);
        Assert.Contains(En.AdviseTests, analysis.Recommendations);
        Assert.Contains("large change (720 meaningful lines), hard to review", analysis.Risks);
        Assert.Contains(En.AdviseLarge, analysis.Recommendations);
    }

    [Fact]
    public void A_source_change_with_tests_is_not_noted()
    {
        var analysis = CommitBuilder.Message("feat: new planner").File("src/planner.go", 50).File("src/planner_test.go", 50).Analyze().Analysis;

        Assert.DoesNotContain(En.RiskNoTests, analysis.Risks);
        Assert.DoesNotContain(En.AdviseTests, analysis.Recommendations);
    }

    [Fact]
    public void A_migration_is_noted()
    {
        var analysis = CommitBuilder.Message("feat: users table").Added("db/migrations/0007_users.sql", 30).Analyze().Analysis;

        Assert.Contains("database migration / SQL changed: db/migrations/0007_users.sql", analysis.Impact);
        Assert.Contains(En.RiskMigration, analysis.Risks);
        Assert.Contains(En.AdviseMigration, analysis.Recommendations);
    }

    [Fact]
    public void A_schema_change_is_noted()
    {
        var analysis = CommitBuilder.Message("feat: add email field").File("proto/user.proto", 3).Analyze().Analysis;

        Assert.Contains("schema definitions changed: proto/user.proto", analysis.Impact);
        Assert.Contains(En.RiskMigration, analysis.Risks);
    }

    [Fact]
    public void A_config_change_is_noted()
    {
        var analysis = CommitBuilder.Message("chore: raise pool size").File("config/app.yaml", 1, 1).Analyze().Analysis;

        Assert.Contains("configuration changed: config/app.yaml", analysis.Impact);
        Assert.Contains(En.RiskConfig, analysis.Risks);
        Assert.Contains(En.AdviseConfig, analysis.Recommendations);
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
        Assert.Contains(En.RiskPublicApi, analysis.Risks);
        Assert.Contains(En.AdvisePublicApi, analysis.Recommendations);
    }

    [Fact]
    public void Vendored_api_headers_are_not_public_api()
    {
        var analysis = CommitBuilder.Message("chore: update vendored zlib").File("third_party/zlib/include/zlib.h", 50).Analyze().Analysis;

        Assert.DoesNotContain(analysis.Impact, s => s.StartsWith("public API", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dependency_manifest_change_is_noted()
    {
        var analysis = CommitBuilder.Message("Bump react").File("web/package.json", 1, 1).File("web/package-lock.json", 300, 280).Analyze().Analysis;

        Assert.Contains("dependency manifests changed: web/package.json", analysis.Impact);
        Assert.Contains(En.RiskDependencies, analysis.Risks);
        Assert.Contains(En.AdviseDependencies, analysis.Recommendations);
    }

    [Fact]
    public void A_ci_change_is_noted()
    {
        var analysis = CommitBuilder.Message("ci: cache").File(".github/workflows/ci.yml", 3).Analyze().Analysis;

        Assert.Equal(["CI pipeline changed: .github/workflows/ci.yml"], analysis.Impact);
    }

    [Fact]
    public void Long_path_lists_are_shortened()
    {
        var analysis = CommitBuilder.Message("chore: settings").Files(5, i => $"config/s{i}.yaml", 1).Analyze().Analysis;

        Assert.Contains("configuration changed: config/s0.yaml, config/s1.yaml, config/s2.yaml (+2 more)", analysis.Impact);
    }

    [Fact]
    public void Breaking_security_and_revert_lead_the_risks()
    {
        var breaking = CommitBuilder.Message("feat!: drop v1 API").File("src/a.cs").File("tests/a.cs").Analyze().Analysis;
        Assert.Equal(En.RiskBreaking, breaking.Risks[0]);
        Assert.Equal(En.AdviseBreaking, breaking.Recommendations[0]);

        var security = CommitBuilder.Message("fix: patch CVE-2026-1234").File("src/a.cs").File("tests/a.cs").Analyze().Analysis;
        Assert.Equal("the message mentions a security keyword (\"CVE-2026-1234\")", security.Risks[0]);
        Assert.Equal(En.AdviseSecurity, security.Recommendations[0]);

        var revert = CommitBuilder.Message("Revert \"feat: x\"").File("src/a.cs").File("tests/a.cs").Analyze().Analysis;
        Assert.Equal([En.RiskRevert], revert.Risks);
        Assert.Equal([En.AdviseRevert], revert.Recommendations);
    }

    [Fact]
    public void A_commit_with_nothing_to_flag_says_so()
    {
        var analysis = CommitBuilder.Message("docs: typo").File("docs/intro.md", 1, 1).Analyze().Analysis;

        Assert.Empty(analysis.Risks);
        Assert.Equal([En.AdviseNothing], analysis.Recommendations);
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

        Assert.Equal([En.PerformanceClaimed], analysis.Insights!.Performance.Select(i => i.Text));
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
        Assert.Contains("10 files deleted", analysis.Risks);
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
