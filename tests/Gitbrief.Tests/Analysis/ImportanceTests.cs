using Gitbrief.Analysis;

namespace Gitbrief.Tests.Analysis;

/// <summary>Importance levels and their reasons under the default weights (high ≥ 10, medium ≥ 6).</summary>
public sealed class ImportanceTests
{
    private static AnalyzedCommit Assessed(CommitBuilder builder)
    {
        var analyzed = builder.Analyze();
        Assert.Equal(analyzed.Importance.Reasons.Sum(r => r.Points), analyzed.Importance.Score);
        return analyzed;
    }

    [Fact]
    public void A_lockfile_only_bump_is_low_and_counts_no_meaningful_lines()
    {
        var analyzed = Assessed(CommitBuilder.Message("chore(deps): update Cargo.lock").File("Cargo.lock", 2000, 1800));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        var size = analyzed.Reason("size");
        Assert.Equal(0, size.Points);
        Assert.Equal("0 meaningful lines", size.Detail);
        Assert.DoesNotContain("files", analyzed.ReasonCodes());
    }

    [Theory]
    [InlineData("Initial plan")]
    [InlineData("Revert \"fix: y\"")]
    [InlineData("fix: authentication bypass with empty password")]
    [InlineData("fix(detect): Detect `_TZE28C1000000_81yrt3lo` as Tuya PJ-1203A (#12241)")]
    public void A_commit_that_changes_no_file_is_low_whatever_its_title(string title)
    {
        var analyzed = Assessed(CommitBuilder.Message(title));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Equal("changes no file, capped", analyzed.Reason("cap").Detail);
    }

    [Fact]
    public void A_lockfile_only_commit_with_a_feature_title_is_capped_low()
    {
        var analyzed = Assessed(CommitBuilder.Message("feat: regenerate everything").File("Cargo.lock", 2000, 1800).File("web/yarn.lock", 900, 700));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.True(analyzed.Reason("cap").Points < 0);
        Assert.Equal("lockfile only, capped", analyzed.Reason("cap").Detail);
        Assert.Contains(ChangeType.Feature, analyzed.Analysis.ChangeTypes);
    }

    [Fact]
    public void A_binary_only_commit_is_capped_low()
    {
        var analyzed = Assessed(CommitBuilder.Message("feat: new logo").Binary("assets/logo.png").Binary("assets/banner.png"));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Contains("cap", analyzed.ReasonCodes());
    }

    [Fact]
    public void A_docs_only_rewrite_is_low()
    {
        var analyzed = Assessed(CommitBuilder.Message("docs: rewrite README").File("README.md", 800, 0));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Equal(3, analyzed.Reason("size").Points);
        Assert.Equal("mostly docs", analyzed.Reason("files").Detail);
        Assert.Equal([ChangeType.Docs], analyzed.Analysis.ChangeTypes);
    }

    [Fact]
    public void A_docs_only_commit_with_a_feature_title_is_capped_low()
    {
        var analyzed = Assessed(CommitBuilder.Message("feat: brand new guide").Files(8, i => $"docs/guide/{i}.md", 300));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Equal("docs only, capped", analyzed.Reason("cap").Detail);
    }

    [Fact]
    public void A_test_only_commit_is_never_high()
    {
        var analyzed = Assessed(CommitBuilder.Message("feat: add huge test suite").Files(12, i => $"tests/unit/case{i}_test.go", 200, 50));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Equal("test only, capped", analyzed.Reason("cap").Detail);
    }

    [Fact]
    public void A_ci_only_commit_is_low()
    {
        var analyzed = Assessed(CommitBuilder.Message("feat: run the linters on every push").Files(7, i => $".github/workflows/lint{i}.yml", 150));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Equal("CI only, capped", analyzed.Reason("cap").Detail);
    }

    [Fact]
    public void A_ci_only_change_of_the_release_pipeline_is_medium()
    {
        var analyzed = Assessed(CommitBuilder.Message("feat: new release pipeline").Files(7, i => $".github/workflows/release{i}.yml", 150));

        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);
        Assert.Equal("release pipeline change", analyzed.Reason("release-pipeline").Detail);
    }

    [Fact]
    public void A_ci_tag_bump_is_low()
    {
        var analyzed = Assessed(CommitBuilder.Message("[CI] bump runner").File(".github/workflows/ci.yml", 1, 1));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Equal([ChangeType.CI], analyzed.Analysis.ChangeTypes);
        Assert.Equal("type ci", analyzed.Reason("type").Detail);
    }

    [Fact]
    public void A_large_source_feature_that_tells_users_nothing_is_medium()
    {
        var analyzed = Assessed(CommitBuilder.Message("feat: new query engine").Files(8, i => $"src/engine/part{i}.rs", 100));

        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);
        Assert.Equal(["type", "size", "files", "scope", "no-high-signal", "core"], analyzed.ReasonCodes());
        Assert.Equal((8, 3, 2, 2), (analyzed.Reason("type").Points, analyzed.Reason("size").Points, analyzed.Reason("files").Points, analyzed.Reason("scope").Points));
        Assert.Equal(-6, analyzed.Reason("no-high-signal").Points);
        Assert.Equal(9, analyzed.Importance.Score);
    }

    [Fact]
    public void A_core_feature_announced_in_the_changelog_is_medium_because_it_is_opt_in()
    {
        var analyzed = Assessed(CommitBuilder.Message("feat: new query engine")
            .Files(8, i => $"src/engine/part{i}.rs", 100)
            .File("CHANGELOG.md", 3));

        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);
        Assert.Equal("new capability of the core product", analyzed.Reason("core-feature").Detail);
    }

    [Fact]
    public void A_small_fix_is_medium()
    {
        var analyzed = Assessed(CommitBuilder.Message("fix(parser): handle empty input").File("src/parser.rs", 6, 2));

        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);
        Assert.Equal(9, analyzed.Importance.Score);
        Assert.Equal([ChangeType.Fix], analyzed.Analysis.ChangeTypes);
    }

    [Fact]
    public void A_bang_breaking_change_is_high_with_a_breaking_reason()
    {
        var analyzed = Assessed(CommitBuilder.Message("feat!: drop v1 API").Deleted("src/v1/api.py", 5));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Equal("breaking-change marker", analyzed.Reason("breaking").Detail);
        Assert.Contains(ChangeType.Breaking, analyzed.Analysis.ChangeTypes);
    }

    [Fact]
    public void A_breaking_change_footer_lifts_a_small_refactor_to_high()
    {
        var analyzed = Assessed(CommitBuilder.Message("refactor: rename options\n\nBREAKING CHANGE: `--out` is now `--output`.").File("src/cli.go", 4, 4));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Equal(3, analyzed.Reason("breaking").Points);
        Assert.Equal(10, analyzed.Importance.Score);
    }

    [Fact]
    public void A_docs_only_commit_is_never_high_even_with_a_breaking_change_footer()
    {
        var analyzed = Assessed(CommitBuilder.Message("docs: document renamed keys\n\nBREAKING CHANGE: `foo` is now `bar`").File("docs/config.md", 20, 5));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Contains(ChangeType.Breaking, analyzed.Analysis.ChangeTypes);
        Assert.Contains("cap", analyzed.ReasonCodes());
    }

    [Fact]
    public void A_security_fix_is_high_with_a_security_reason()
    {
        var analyzed = Assessed(CommitBuilder.Message("fix: sanitize input to prevent XSS (CVE-2026-1234)").File("src/render.ts", 3, 1));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        var security = analyzed.Reason("security");
        Assert.StartsWith("security keyword \"", security.Detail, StringComparison.Ordinal);
        Assert.Contains(ChangeType.Security, analyzed.Analysis.ChangeTypes);
        Assert.Contains(ChangeType.Fix, analyzed.Analysis.ChangeTypes);
    }

    [Fact]
    public void A_security_test_in_tests_only_is_low()
    {
        var analyzed = Assessed(CommitBuilder.Message("test: cover the path traversal exploit").File("tests/test_static.py", 40));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Contains("cap", analyzed.ReasonCodes());
    }

    [Fact]
    public void Breaking_and_security_both_give_reasons()
    {
        var analyzed = Assessed(CommitBuilder.Message("fix!: reject unsigned tokens (auth bypass)").File("src/auth.go"));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Contains("breaking", analyzed.ReasonCodes());
        Assert.Equal(0, analyzed.Reason("security").Points);
    }

    [Fact]
    public void Dependency_injection_does_not_count_as_security()
    {
        var analyzed = Assessed(CommitBuilder.Message("refactor: use dependency injection in the scheduler").File("src/scheduler.cs", 20, 20));

        Assert.DoesNotContain("security", analyzed.ReasonCodes());
        Assert.DoesNotContain(ChangeType.Security, analyzed.Analysis.ChangeTypes);
        Assert.NotEqual(ImportanceLevel.High, analyzed.Importance.Level);
    }

    [Fact]
    public void A_revert_is_at_least_medium_and_a_revert()
    {
        var analyzed = Assessed(CommitBuilder.Message("Revert \"feat: x\"\n\nThis reverts commit 0123456789abcdef.").File("src/x.c", 1, 12));

        Assert.NotEqual(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Equal(ChangeType.Revert, analyzed.Analysis.ChangeTypes[0]);
        Assert.Contains("revert", analyzed.ReasonCodes());
        Assert.Equal("type revert", analyzed.Reason("type").Detail);
    }

    [Fact]
    public void Sensitive_files_add_a_point_with_the_path()
    {
        var analyzed = Assessed(CommitBuilder.Message("chore: add users table").Added("db/migrations/0007_users.sql", 30));

        var reason = analyzed.Reason("sensitive-files");
        Assert.Equal(1, reason.Points);
        Assert.Equal("sensitive file db/migrations/0007_users.sql", reason.Detail);
    }

    [Fact]
    public void A_changed_dependency_manifest_adds_a_point()
    {
        var analyzed = Assessed(CommitBuilder.Message("Bump left-pad to 2.0").File("package.json", 1, 1).File("package-lock.json", 40, 40));

        Assert.Equal(1, analyzed.Reason("dependencies").Points);
        Assert.Equal("dependency manifest changed", analyzed.Reason("dependencies").Detail);
        Assert.Equal([ChangeType.Dependencies], analyzed.Analysis.ChangeTypes);
        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
    }

    [Theory]
    [InlineData(10, 0)]
    [InlineData(51, 1)]
    [InlineData(101, 2)]
    [InlineData(501, 3)]
    public void Size_points_follow_meaningful_lines(int lines, int points)
    {
        var analyzed = Assessed(CommitBuilder.Message("chore: x").File("src/a.py", lines, 0).File("vendor/lib/b.py", 5000, 5000));

        Assert.Equal(points, analyzed.Reason("size").Points);
        Assert.Equal($"{lines} meaningful lines", analyzed.Reason("size").Detail);
    }
}
