using Gitbrief.Analysis;

namespace Gitbrief.Tests.Analysis;

public sealed class CommitClassifierTests
{
    [Theory]
    [InlineData("feat: add export", ChangeType.Feature, "feat")]
    [InlineData("fix: off-by-one in pager", ChangeType.Fix, "fix")]
    [InlineData("hotfix: crash on start", ChangeType.Fix, "fix")]
    [InlineData("perf: cache lookups", ChangeType.Performance, "perf")]
    [InlineData("refactor: split module", ChangeType.Refactor, "refactor")]
    [InlineData("docs: explain flags", ChangeType.Docs, "docs")]
    [InlineData("test: cover pager", ChangeType.Test, "test")]
    [InlineData("ci: cache nuget", ChangeType.CI, "ci")]
    [InlineData("build: pin sdk", ChangeType.Build, "build")]
    [InlineData("chore: tidy", ChangeType.Chore, "chore")]
    [InlineData("style: format", ChangeType.Style, "style")]
    [InlineData("deps: bump serde", ChangeType.Dependencies, "deps")]
    [InlineData("FEAT: shouting works too", ChangeType.Feature, "feat")]
    [InlineData("TEST：Add prefix cache test (#4706)", ChangeType.Test, "test")]
    [InlineData("CLEANUP: Reapply strcmp.cocci (3)", ChangeType.Refactor, "refactor")]
    [InlineData("BUG: fix crash on 32 bit systems using abi3t (#31771)", ChangeType.Fix, "fix")]
    [InlineData("ENH: add a where= argument to cumsum", ChangeType.Feature, "feat")]
    [InlineData("MAINT: bump the vendored meson", ChangeType.Chore, "chore")]
    [InlineData("TYP: fix ``complex_sort`` for builtin sequences (#31917)", ChangeType.Style, "style")]
    [InlineData("BUG/MEDIUM: mux-fcgi: Properly handle full buffer for FCGI_PARAM record", ChangeType.Fix, "fix")]
    public void Conventional_types_are_read(string title, object type, string key)
    {
        var traits = CommitBuilder.Message(title).File("src/a.cs").Traits();

        Assert.Equal((ChangeType)type, traits.ChangeTypes[0]);
        Assert.Equal(key, traits.WeightKey);
        Assert.False(traits.Breaking);
    }

    /// <summary>A changelog-style title that describes the failure it ends is a fix; a plan in the future tense is not.</summary>
    [Theory]
    [InlineData("- Accessing a (non-existing) property on a type-call would crash the compiler.", "fix")]
    [InlineData("binprot: GETK against extstore can hang worker", "fix")]
    [InlineData("Codegen for the case when an assert always panics would cause a crash.", "fix")]
    [InlineData("Don't generate javadocs for the stubs as otherwise it will fail", "other")]
    [InlineData("Parser state that users can break out of with Ctrl-C", "other")]
    public void A_title_that_describes_a_failure_is_a_fix(string title, string key)
    {
        var traits = CommitBuilder.Message(title).File("src/compiler/sema.c", 6, 1).Traits();

        Assert.Equal(key, traits.WeightKey);
        Assert.Equal(key == "fix", traits.ChangeTypes.Contains(ChangeType.Fix));
    }

    /// <summary>traefik, 2026-07-06: a verb names what was done to the documentation, the only thing touched; a declared
    /// Conventional-Commits type stays as written.</summary>
    [Theory]
    [InlineData("Add v3.7 to supported version docs", "docs")]
    [InlineData("Fix grammar in TLS, TCP service, and routing reference docs", "docs")]
    [InlineData("fix: correct the TLS options reference", "fix")]
    public void A_verb_on_documentation_alone_types_docs(string title, string key)
    {
        var traits = CommitBuilder.Message(title).File("docs/content/reference/tls-options.md", 4, 4).File("docs/content/deprecation/releases.md", 11, 10).Traits();

        Assert.Equal(key, traits.WeightKey);
        Assert.Equal(key == "docs" ? ChangeType.Docs : ChangeType.Fix, traits.ChangeTypes[0]);
    }

    [Theory]
    [InlineData("Add regression test for #1234", "test")]
    [InlineData("Fix flaky connection test", "test")]
    [InlineData("fix: flaky connection test", "fix")]
    public void A_verb_on_tests_alone_types_test(string title, string key)
    {
        var traits = CommitBuilder.Message(title).File("tests/regress.rs", 40).File("internal/testutil/server.go", 3, 1).Traits();

        Assert.Equal(key, traits.WeightKey);
        Assert.Equal(key == "test" ? ChangeType.Test : ChangeType.Fix, traits.ChangeTypes[0]);
    }

    [Fact]
    public void A_conventional_scope_is_read_and_stripped_from_the_subject()
    {
        var traits = CommitBuilder.Message("fix(parser): handle empty input").File("src/parser.rs").Traits();

        Assert.Equal([ChangeType.Fix], traits.ChangeTypes);
        Assert.Equal("parser", traits.Scope);
        Assert.Equal("handle empty input", traits.Subject);
    }

    [Fact]
    public void A_bracket_tag_is_a_scope_and_a_known_tag_is_the_type()
    {
        var traits = CommitBuilder.Message("[CI] bump runner").File(".github/workflows/ci.yml").Traits();

        Assert.Equal("CI", traits.Scope);
        Assert.Equal("bump runner", traits.Subject);
        Assert.Equal("ci", traits.WeightKey);
        Assert.Equal([ChangeType.CI], traits.ChangeTypes);
    }

    [Fact]
    public void A_conventional_type_after_bracket_tags_is_read()
    {
        var traits = CommitBuilder.Message("[diffusion] chore: validate inputs").File("src/a.py").Traits();

        Assert.Equal("diffusion", traits.Scope);
        Assert.Equal("chore", traits.WeightKey);
        Assert.Equal("validate inputs", traits.Subject);
    }

    [Fact]
    public void An_area_prefix_is_a_scope_and_the_leading_verb_gives_the_type()
    {
        var traits = CommitBuilder.Message("parser: handle empty input").File("src/parser.rs").Traits();

        Assert.Equal("parser", traits.Scope);
        Assert.Equal("handle empty input", traits.Subject);
        Assert.Equal("fix", traits.WeightKey);
        Assert.Contains(ChangeType.Fix, traits.ChangeTypes);
    }

    [Theory]
    [InlineData("[ADDED] AllowAtomicPublish option on stream config (#1940)", "feat")]
    [InlineData("[FIXED] MQTT flappers use monotonic time", "fix")]
    public void A_changelog_tag_gives_the_type(string title, string key)
    {
        var traits = CommitBuilder.Message(title).File("jetstream/stream_config.go").Traits();

        Assert.Equal(key, traits.WeightKey);
    }

    /// <summary>ghostfolio (2026-07-25) titles each pull request with its branch: a known type before the slash is the type,
    /// a task's subject is typed by its leading verb, and a path-like prefix before a colon stays an area.</summary>
    [Theory]
    [InlineData("Task/rename EnhancedSymbolProfile to EnhancedAssetProfile (#7423)", "refactor", "rename EnhancedSymbolProfile to EnhancedAssetProfile (#7423)")]
    [InlineData("Feature/include cash in portfolio performance (#7148)", "feat", "include cash in portfolio performance (#7148)")]
    [InlineData("Bugfix/links to open create activity dialog (#7418)", "fix", "links to open create activity dialog (#7418)")]
    [InlineData("fix/index: preserve Git-like symlink semantics (#1123)", "fix", "preserve Git-like symlink semantics (#1123)")]
    public void A_branch_name_before_the_title_gives_the_type(string title, string key, string subject)
    {
        var traits = CommitBuilder.Message(title).File("apps/api/src/services/profile.ts").Traits();

        Assert.Equal(key, traits.WeightKey);
        Assert.Equal(subject, traits.Subject);
    }

    [Fact]
    public void An_advisory_id_area_is_read_through_to_the_title_after_it()
    {
        var traits = CommitBuilder.Message("CVE-2026-4480/CVE-2026-4408: lib/util: split out realloc_string_sub_raw()").File("lib/util/substitute.c").Traits();

        Assert.Equal("lib/util", traits.Scope);
        Assert.Equal("split out realloc_string_sub_raw()", traits.Subject);
        Assert.Equal("refactor", traits.WeightKey);
        Assert.True(traits.Security);
    }

    [Theory]
    [InlineData("Add dark mode", ChangeType.Feature)]
    [InlineData("Fixes crash when config is missing", ChangeType.Fix)]
    [InlineData("Optimize the hot loop", ChangeType.Performance)]
    [InlineData("Rename Foo to Bar", ChangeType.Refactor)]
    [InlineData("Bump serde to 1.0.200", ChangeType.Dependencies)]
    [InlineData("Update the README", ChangeType.Docs)]
    public void The_leading_verb_gives_the_type_of_a_plain_title(string title, object type)
    {
        Assert.Equal((ChangeType)type, CommitBuilder.Message(title).File("src/a.go").Traits().ChangeTypes[0]);
    }

    [Theory]
    [InlineData("docs/a.md", ChangeType.Docs)]
    [InlineData("tests/a_test.go", ChangeType.Test)]
    [InlineData(".github/workflows/ci.yml", ChangeType.CI)]
    [InlineData("Makefile", ChangeType.Build)]
    [InlineData("Cargo.lock", ChangeType.Dependencies)]
    [InlineData("config/app.yaml", ChangeType.Config)]
    public void A_silent_message_takes_its_type_from_the_file_roles(string path, object type)
    {
        Assert.Equal((ChangeType)type, CommitBuilder.Message("wip").File(path).Traits().ChangeTypes[0]);
    }

    [Fact]
    public void A_silent_message_over_mixed_files_is_other()
    {
        var traits = CommitBuilder.Message("wip").File("src/a.cs").File("docs/a.md").Traits();

        Assert.Equal([ChangeType.Other], traits.ChangeTypes);
        Assert.Equal("other", traits.WeightKey);
    }

    [Fact]
    public void A_bang_marks_a_breaking_change()
    {
        var traits = CommitBuilder.Message("feat!: drop v1 API").File("src/api.cs").Traits();

        Assert.True(traits.Breaking);
        Assert.Equal([ChangeType.Feature, ChangeType.Breaking], traits.ChangeTypes);
        Assert.Equal("drop v1 API", traits.Subject);
    }

    [Fact]
    public void A_bang_after_a_type_gitbrief_does_not_know_still_marks_a_breaking_change()
    {
        var traits = CommitBuilder.Message("foo!: bar").File("src/api.cs").Traits();

        Assert.True(traits.Breaking);
        Assert.Equal("bar", traits.Subject);
        Assert.Equal("foo", traits.Scope);
    }

    /// <summary>typer and Temporal's Python SDK (blind sets): gitmoji's 💥 (":boom:") is "introduce breaking changes"; other
    /// emoji say nothing of it.</summary>
    [Theory]
    [InlineData("💥 Make `typer-slim` a shallow wrapper around `typer` (#1522)", true)]
    [InlineData(":boom: refactor: payloads/memo size validation (#1640)", true)]
    [InlineData(":sparkles: Add a streaming endpoint", false)]
    [InlineData("🐛 Fix the boom arm", false)]
    public void Gitmojis_explosion_marks_a_breaking_change(string title, bool breaking)
    {
        Assert.Equal(breaking, CommitBuilder.Message(title).File("src/api.py", 40, 10).Traits().Breaking);
    }

    [Theory]
    [InlineData("feat: add x\n\nBreaking changes: none")]
    [InlineData("feat: add x\n\nBreaking: no")]
    [InlineData("feat: add x\n\nThis avoids breaking changes for users of the v1 API.")]
    [InlineData("feat: add x\n\nThis is not a breaking change: the old key still works.")]
    public void A_body_that_denies_or_only_mentions_breaking_changes_is_not_one(string message)
    {
        Assert.False(CommitBuilder.Message(message).File("src/api.cs").Traits().Breaking);
    }

    [Fact]
    public void An_empty_breaking_change_footer_is_not_a_breaking_change()
    {
        var traits = CommitBuilder.Message("feat: add x\n\nBREAKING CHANGE:").File("src/api.cs").Traits();

        Assert.False(traits.Breaking);
    }

    [Theory]
    [InlineData("refactor: rename settings\n\nBREAKING CHANGE: the `foo` key is now `bar`")]
    [InlineData("refactor: rename settings\n\nBREAKING-CHANGE: the `foo` key is now `bar`")]
    [InlineData("feat(api)!: new auth flow")]
    [InlineData("breaking: remove redirect(back) for v3")]
    [InlineData("feat(runtimes): BREAKING CHANGE: Remove Runtime Finalizers (#3112)")]
    [InlineData("remove disableDefaultIgnoredFiles (BREAKING)")]
    [InlineData("feat: add `query` and `form` crate features\n\nBreaking change since `query()` and `form()` are no longer available by default.")]
    [InlineData("feat: new router\n\n**Breaking:** routes are matched case-sensitively")]
    [InlineData("Reject multi-dot pylock filenames (#20440)\n\nValidate the complete filename.\n\nThis is breaking for existing dotted lock names; those files must be renamed.")]
    [InlineData("Remove bz/lzma/xz support from ZIP handling\n\nThis is a breaking change, so it should wait for the next minor release.")]
    public void A_breaking_footer_or_bang_marks_a_breaking_change(string message)
    {
        Assert.True(CommitBuilder.Message(message).File("src/a.cs").Traits().Breaking);
    }

    /// <summary>Dependabot and Renovate quote the release notes of what they bump: that project's breaking changes and
    /// vulnerabilities are not this commit's.</summary>
    [Theory]
    [InlineData("chore(deps): bump serde from 1.0.1 to 2.0.0\n\nBumps serde.\n<details>\n<summary>Release notes</summary>\n\nBREAKING CHANGE: drops the derive feature\n\nFixes a denial of service in the parser (CVE-2026-1234)\n</details>")]
    [InlineData("chore(deps): bump serde from 1.0.1 to 2.0.0\n\nBumps serde.\n> ## 2.0.0\n> **Breaking:** drops the derive feature\n> Fixes an XSS in the docs site")]
    [InlineData("chore(deps): update dependency vite to v7\n\n<!--\nBREAKING CHANGE: describe it here\n-->\nThis PR contains the following updates.")]
    public void Release_notes_a_bot_quotes_are_not_the_commits_own(string message)
    {
        var traits = CommitBuilder.Message(message).File("package.json", 1, 1).Traits();

        Assert.False(traits.Breaking);
        Assert.False(traits.Security);
    }

    [Fact]
    public void What_the_author_writes_beside_a_quote_still_counts()
    {
        var traits = CommitBuilder.Message("feat: new router\n\n> from the issue: please fix\n\nBREAKING CHANGE: routes are case-sensitive\nCloses a path traversal in the static handler").File("src/a.cs").Traits();

        Assert.True(traits.Breaking);
        Assert.True(traits.Security);
    }

    [Fact]
    public void Breaking_change_mentioned_mid_sentence_is_not_a_footer()
    {
        var traits = CommitBuilder.Message("fix: avoid a BREAKING CHANGE: keep old key").File("src/a.cs").Traits();

        Assert.False(traits.Breaking);
    }

    [Fact]
    public void A_git_revert_title_is_a_revert()
    {
        var traits = CommitBuilder.Message("Revert \"feat: x\"\n\nThis reverts commit 0123456789abcdef.").File("src/a.cs").Traits();

        Assert.True(traits.Revert);
        Assert.Equal("revert", traits.WeightKey);
        Assert.Equal(ChangeType.Revert, traits.ChangeTypes[0]);
        Assert.False(traits.Breaking);
    }

    [Theory]
    [InlineData("fix: sanitize input to prevent XSS (CVE-2026-1234)")]
    [InlineData("fix: prevent SQL injection in search")]
    [InlineData("Patch path traversal in the static file handler")]
    [InlineData("fix: bump libfoo\n\nAddresses GHSA-abcd-efgh-ijkl.")]
    [InlineData("fix: remote code execution via template")]
    [InlineData("fix: DoS via deeply nested JSON")]
    [InlineData("fix: header injection in redirects")]
    public void Security_keywords_mark_a_security_change(string message)
    {
        var traits = CommitBuilder.Message(message).File("src/a.cs").Traits();

        Assert.True(traits.Security);
        Assert.Contains(ChangeType.Security, traits.ChangeTypes);
        Assert.False(string.IsNullOrEmpty(traits.SecurityKeyword));
    }

    [Theory]
    [InlineData("refactor: use dependency injection for services")]
    [InlineData("feat: Dependency Injection container")]
    [InlineData("refactor: switch to constructor injection")]
    [InlineData("refactor: dependency-injection for services")]
    [InlineData("refactor: drop field injection")]
    [InlineData("fix: convert DOS line endings")]
    [InlineData("chore: fix typo in docs")]
    [InlineData("feat: add a session cookie")]
    public void Ordinary_words_are_not_security(string message)
    {
        var traits = CommitBuilder.Message(message).File("src/a.cs").Traits();

        Assert.False(traits.Security);
        Assert.DoesNotContain(ChangeType.Security, traits.ChangeTypes);
    }
}
