using Gitbrief.Analysis;
using Gitbrief.Configuration;

namespace Gitbrief.Tests.Analysis;

/// <summary>The importance signals that generalise across repositories (docs/importance.md, "Signals"): each one moves
/// the level a reader sees and shows as a reason.</summary>
public sealed class SignalTests
{
    private static AnalyzedCommit Analyzed(CommitBuilder builder, RepositoryProfile? profile = null) =>
        new RulesAnalyzer(ImportanceWeights.Default, ReportLanguage.En, profile: profile).Analyze(builder.Build());

    [Theory]
    [InlineData("🐛 Fix `status_code` ignored for streaming endpoints", "fix")]
    [InlineData(":sparkles: Add a streaming endpoint", "feat")]
    [InlineData("⬆️ Bump ruff to 0.16.0", "deps")]
    public void A_gitmoji_title_is_typed_by_the_verb_after_the_emoji(string title, string key)
    {
        Assert.Equal(key, CommitBuilder.Message(title).File("src/app.py", 8, 2).Traits().WeightKey);
    }

    [Theory]
    [InlineData("Reject duplicate active pylock packages (#20391)")]
    [InlineData("Honor Python version pins when initializing scripts")]
    [InlineData("resources/images: Keep smart crop target size")]
    public void A_verb_that_makes_behaviour_right_or_stricter_types_a_fix(string title)
    {
        Assert.Equal("fix", CommitBuilder.Message(title).File("src/lock.rs", 8, 2).Traits().WeightKey);
    }

    /// <summary>nvidia-resiliency-ext (2026-04): a day of "fix(skills): …" commits changed a coding agent's skill bundle,
    /// nothing the library runs; a product's own "skills" API folder, without a SKILL.md, is the product.</summary>
    [Theory]
    [InlineData("fix(skills): refine feedback-loop scoring config", "src/nvidia_resiliency_ext/skills/nvrx-attr/fault-injection-loop/SKILL.md",
        "src/nvidia_resiliency_ext/skills/nvrx-attr/scripts/score_attribution.py", true)]
    [InlineData("feat(api): add the skills resource", "src/openai/resources/skills/skills.py", "src/openai/types/skills/skill.py", false)]
    public void A_coding_agents_skill_bundle_is_low(string title, string first, string second, bool skills)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File(first, 300).File(second, 80));

        Assert.Equal(skills, analyzed.ReasonCodes().Contains("agent-skills"));
        Assert.Equal(skills, analyzed.Importance.Level == ImportanceLevel.Low);
    }

    /// <summary>The idioms of hardening that name no danger word, each from a missed high of the blind sets: a check put
    /// before the code that trusts a value (rsync, fluent-bit, runc); "enforce" a size, limit, length, timeout or permission
    /// (tornado, varnish, Exiv2, FreeRDP); validation added or tightened, or a missing check or escape added (buildkit, crun,
    /// go-git, lighttpd, activemq, mimalloc); a limit leading the title on what input makes the product spend
    /// (golang/crypto); a parent-directory step refused (rsync). Their look-alikes are not: a check before a release, a
    /// style enforced, a validation test or a training run's validation, a limit on a listing or a decode batch, a path
    /// merely resolved. From the twenty-second session: a check that fails closed (uptrace/bun, atlantis), a path canonicalised
    /// before it is compared or a ".." refused (OpenVPN, sudo), a title that leads with "refuse" (rsync).</summary>
    [Theory]
    [InlineData("range check dir_ndx before use", true)]
    [InlineData("in_elasticsearch: check map size before accessing first entry", true)]
    [InlineData("Validate multirange element count against source length before allocating", true)]
    [InlineData("check the config once before the first request", false)]
    [InlineData("check for updates before release", false)]
    [InlineData("http1connection: Enforce max_body_size in _GzipMessageDelegate", true)]
    [InlineData("[gateway,http] enforce RESPONSE_SIZE_LIMIT for chunked data", true)]
    [InlineData("http2_proto: Enforce session timeouts in h2_sweep()", true)]
    [InlineData("fix(http): enforce download permission on the checksum branch", true)]
    [InlineData("topo: enforce consistent channel to NET assignment", false)]
    [InlineData("gettext: enforce trimmed msgids", false)]
    [InlineData("exec: add extra validation for submount sources", true)]
    [InlineData("exec: strengthen -u value validation", true)]
    [InlineData("plumbing: format/packfile, Tighten delta validation", true)]
    [InlineData("[h2] stricter validation of HTTP/2 trailers", true)]
    [InlineData("chore: add validation test for ST storage", false)]
    [InlineData("feat: add validation loss logging to the trainer", false)]
    [InlineData("feat: SFT improvements: refactor and add validation and checkpointing", false)]
    [InlineData("Adding missing jsp escapes (#2089)", true)]
    [InlineData("add extra check for metadata corruption when collecting the thread_free list", true)]
    [InlineData("add missing docs for the check command", false)]
    [InlineData("ssh: limit bcrypt KDF rounds in OpenSSH private key decryption", true)]
    [InlineData("Cap the decode batch size during speculative decoding", false)]
    [InlineData("Limit database query preview to five", false)]
    [InlineData("Limit dataset listing to first 20 entries in readme", false)]
    [InlineData("disallow ../ elements in relpath for secure_relative_open", true)]
    [InlineData("reject ..\\ in archive member names", true)]
    [InlineData("resolve ../ in include paths", false)]
    [InlineData("fix(schema): fail closed when a string contains a NUL byte (#1406)", true)]
    [InlineData("fix: make apply lock check fail-closed on backend errors (#6533)", true)]
    [InlineData("enable fail-safe mode for ci (#1911)", false)]
    [InlineData("Canonicalize config_dir before comparing with the config file location", true)]
    [InlineData("fix: Canonicalize output paths and symlink targets, and ensure they descend from the destination", true)]
    [InlineData("feat: canonicalize source path in build-backend initialization (#4781)", false)]
    [InlineData("command_matches_regex: use canonicalized path if user path contains \"..\"", true)]
    [InlineData("Plumb `(implements \"...\")` support throughout (#13361)", false)]
    [InlineData("Refuse a duplicate dirlist.", true)]
    [InlineData("Handle refused connections in the pool", false)]
    // A script restricted is markup only where no word makes it the project's own tooling (vllm-metal, 2025-12-19).
    [InlineData("Restrict install script and smoke test to Darwin (macOS) only", false)]
    [InlineData("Block inline script in rendered comments", true)]
    // A corrupt file a reader now validates against is untrusted input (OpenImageIO, 2026-08-03); a scanner's "security
    // warning" silenced, or security warnings added to the docs, protects nothing (mediamtx, autogen).
    [InlineData("fix(hdr): validate resolution to find corrupted files (#5256)", true)]
    [InlineData("prevent security warning about \"Zip Slip\" in RPI camera downloader (#6096)", false)]
    [InlineData("Add security warnings and default to DockerCommandLineCodeExecutor (#7035)", false)]
    // Control characters checked where input is read close a header injection (mox, 2026-08-16); kept, they are data.
    [InlineData("webapisrv: check for control characters (like cr/lf) in content-type and content-id headers", true)]
    [InlineData("Preserve control characters in parsed tag names", false)]
    // A performance change that checks first guards the work it saves (rust-clippy, 2026-06-13).
    [InlineData("perf: check the token kind before extracting source in early literal lints", false)]
    // An extra check alone is defensive code (strawberry, 2026-06-20); a missing one added, or what an extra one guards
    // against named, protects.
    [InlineData("CollectionModel: Add extra checks", false)]
    [InlineData("OSDPretty: Add extra checks for transparency", false)]
    [InlineData("upstream: add missing askpass check when using ControlMaster", true)]
    // Deep recursion that overflows the stack is a crash (typescript-eslint, 2026-08-18; libarchive); a buffer overflowed
    // is the danger.
    [InlineData("fix(eslint-plugin): [no-unnecessary-type-assertion] prevent stack overflow in recursive types (#12711)", false)]
    [InlineData("archive_match: Prevent call stack overflow", false)]
    [InlineData("fix(extension): constrain height to prevent viewport overflow (#1580) (#1895)", false)]
    [InlineData("prevent overflow of the header length field", true)]
    // A user with fewer rights kept from what needs more (kimai, 2026-08-02).
    [InlineData("prevent lower-privileged user to edit users with higher role (#6089)", true)]
    public void Hardening_said_without_a_danger_word_is_hardening(string title, bool hardening)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("src/core/handler.c", 30, 8));

        Assert.Equal(hardening, analyzed.ReasonCodes().Contains("hardening"));
    }

    /// <summary>xtuner and rtp-llm (2026): "harden" alone is robustness; what it hardens says whether it is security.</summary>
    [Theory]
    [InlineData("Harden rollout abort and routed experts handling", false)]
    [InlineData("fix(cache): harden MTP default group alias", false)]
    [InlineData("fix(dash_sc): harden frontend integration", false)]
    [InlineData("fix: harden checkpoint torch loads (#3240)", true)]
    [InlineData("plumbing: http, harden redirect handling in http transport", true)]
    [InlineData("gguf : harden loader against malformed tensor dims and metadata types", true)]
    public void Harden_is_hardening_only_where_input_or_access_is_handled(string title, bool hardening)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("src/core/handler.py", 30, 8).File("src/core/loader.py", 12, 4));

        Assert.Equal(hardening, analyzed.ReasonCodes().Contains("hardening"));
        Assert.Equal(hardening, analyzed.Importance.Level == ImportanceLevel.High);
    }

    /// <summary>vercel/ai, 2026-05-27: renaming a public callback across the SDK is no review follow-up; the labelled sets
    /// rank such renames medium (tonic's `Rename compile method with compile_protos`, tauri's `Rename FrontendDist::Dist to Dir`).</summary>
    [Fact]
    public void A_rename_is_no_review_follow_up()
    {
        var rename = Analyzed(CommitBuilder.Message("fix(core): Rename FrontendDist::Dist to Dir (#8743)")
            .File("core/tauri-utils/src/config.rs", 8, 8).File("core/tauri/src/manager.rs", 4, 4).File("core/tauri-cli/src/build.rs", 6, 6));
        var review = Analyzed(CommitBuilder.Message("fix: address review feedback on rm_rf permission handling").File("src/fs.rs", 12, 6));

        Assert.DoesNotContain("follow-up", rename.ReasonCodes());
        Assert.Equal(ImportanceLevel.Medium, rename.Importance.Level);
        Assert.Contains("follow-up", review.ReasonCodes());
    }

    /// <summary>astro, 2026-08-20: the dev server's lock file is no dependency lock; the pnpm-lock.yaml the fix also touched
    /// does not make it a routine bump. "Lock serde to 1.0.200" still is one.</summary>
    [Fact]
    public void A_fix_about_a_lock_file_is_no_dependency_bump()
    {
        var fix = Analyzed(CommitBuilder.Message("fix(dev): treat lock file as stale when PID matches current process (#17754)")
            .File("packages/astro/src/core/dev/lockfile.ts", 8).File("packages/astro/test/units/dev/lockfile.test.ts", 35, 4).File("pnpm-lock.yaml", 6));
        var pin = Analyzed(CommitBuilder.Message("Lock serde to 1.0.200").File("Cargo.toml", 1, 1).File("Cargo.lock", 4, 4));

        Assert.DoesNotContain("dependency-routine", fix.ReasonCodes());
        Assert.NotEqual(ImportanceLevel.Low, fix.Importance.Level);
        Assert.Contains("dependency-routine", pin.ReasonCodes());
    }

    /// <summary>pino, gitui, uptime-kuma: a bump from one major version to the next of a dependency the product runs with
    /// is medium; a minor step, a 0.x step, a dev-dependency, a linter or a test library stays routine.</summary>
    [Theory]
    [InlineData("build(deps): bump thread-stream from 2.7.0 to 3.0.0 (#1959)", true)]
    [InlineData("Bump which from 7.0.2 to 8.0.0 (#2723)", true)]
    [InlineData("Bump web-time from 0.2.4 to 1.0.0 (#1199)", true)]
    [InlineData("build(deps): bump thread-stream from 2.7.0 to 2.8.0 (#1958)", false)]
    [InlineData("Bump struct-patch from 0.9.4 to 0.10.4 (#2759)", false)]
    [InlineData("build(deps-dev): bump c8 from 8.0.1 to 10.1.3 (#1874)", false)]
    [InlineData("chore(deps): bump flutter_lints from 4.0.0 to 5.0.0 in /packages/battery_plus", false)]
    [InlineData("Bump serial_test from 2.0.0 to 3.0.0 (#1203)", false)]
    public void A_major_bump_of_a_shipped_dependency_is_medium(string title, bool major)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("package.json", 1, 1).File("package-lock.json", 6, 6));

        Assert.Equal(major ? ImportanceLevel.Medium : ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Equal(major, analyzed.ReasonCodes().Contains("dependency-major"));
    }

    /// <summary>waitress, redis-py, clap, micro: a title that raises the language or toolchain users need is medium though
    /// only build scripts and manifests change — those on the older one lose the product. A Python dropped from a dev
    /// Dockerfile or tox, or the minimum of one of the project's own packages, is not that.</summary>
    [Theory]
    [InlineData("Minimum supported Python version is 3.8", "setup.cfg", true)]
    [InlineData("Dropping Python 3.8 support as it has reached end of life (#3657)", "pyproject.toml", true)]
    [InlineData("chore: Bump MSRV to 1.85", "Cargo.toml", true)]
    [InlineData("Bump required cmake version to 3.30.4 for rapids-cmake.", "CMakeLists.txt", true)]
    [InlineData("Build: set 1.17 as minimum supported Go version (#3461)", "go.mod", true)]
    [InlineData("Bump minimum Go version from 1.24 to 1.25", "go.mod", true)]
    [InlineData("Remove Python 3.9 from Dockerfile (#10092)", "docker/Dockerfile", false)]
    [InlineData("Bump the minimum supported version of Hatchling to 1.22.2", "pyproject.toml", false)]
    public void A_title_that_raises_the_toolchain_users_need_is_medium(string title, string path, bool raised)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File(path, 2, 2));

        Assert.Equal(raised, analyzed.ReasonCodes().Contains("support-floor"));
        Assert.Equal(raised ? ImportanceLevel.Medium : ImportanceLevel.Low, analyzed.Importance.Level);
    }

    [Fact]
    public void A_one_line_change_that_takes_a_rule_out_of_preview_is_medium_not_trivial()
    {
        var analyzed = Analyzed(CommitBuilder.Message("[`pylint`] Stabilize `too-many-positional-arguments` (`PLR0917`) (#26915)")
            .File("crates/linter/src/rules/pylint/too_many_positional_arguments.rs", 1, 1));

        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);
        Assert.Equal("leaves preview (Stabilize)", analyzed.Reason("graduation").Detail);
        Assert.DoesNotContain("trivial", analyzed.ReasonCodes());
    }

    [Fact]
    public void Leaving_preview_with_an_edit_of_the_core_settings_is_a_changed_default()
    {
        var analyzed = Analyzed(CommitBuilder.Message("Stabilize Markdown formatting\n\nMarkdown code blocks are formatted without --preview.")
            .File("src/commands/format.rs", 1, 31)
            .File("src/workspace/configuration.rs", 13, 17));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Equal("changes a default value (src/workspace/configuration.rs)", analyzed.Reason("defaults").Detail);
        Assert.DoesNotContain("experimental", analyzed.ReasonCodes());
    }

    /// <summary>river and openbao (the twenty-seventh session's blind sets): a flaky test made reliable, or a test function
    /// fixed by its name, is low even when the fix threads something through the product's code to get there; a fix of a
    /// flaky product behaviour is not.</summary>
    [Theory]
    [InlineData("Fix intermittently failing leader-related tests (#862)", true)]
    [InlineData("Fix queue-related intermittency in producer tests (#868)", true)]
    [InlineData("Fix TestPostgreSQL_FatalInit (#3791)", true)]
    [InlineData("fix: flaky server tests due to port collisions", true)]
    [InlineData("Fix intermittent connection resets in the producer", false)]
    public void A_flaky_test_made_reliable_is_low(string title, bool tests)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("internal/leadership/elector.go", 40, 12).File("internal/leadership/elector_test.go", 60, 20));

        Assert.Equal(tests, analyzed.Importance.Level == ImportanceLevel.Low);
    }

    [Fact]
    public void Stabilizing_a_flaky_test_is_no_graduation()
    {
        var analyzed = Analyzed(CommitBuilder.Message("Stabilize the flaky scheduler test").File("src/scheduler.rs", 1, 1));

        Assert.DoesNotContain("graduation", analyzed.ReasonCodes());
        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
    }

    [Theory]
    [InlineData("fix: Return specific error message when multipart body limit is exceeded (#3611)", "src/multipart.rs", 12)]
    [InlineData("Mention project in missing extra errors (#20358)", "crates/uv/src/extras.rs", 30)]
    [InlineData("docs: consolidate state management docs in crate root (#3683)", "src/lib.rs", 240)]
    [InlineData("Fix InternalServerError docs to match current behavior (#3640)", "src/response.rs", 20)]
    [InlineData("[5/x] docs update: initial clean up of quantization API reference section", "torchao/quantization/api.py", 150)]
    // What a message or log line shows, corrected.
    [InlineData("fix(nfpm): show correct value in content mtime parse error", "internal/pipe/nfpm/nfpm.go", 20)]
    [InlineData("fix(release): log correct repo name for GitLab and Gitea releases", "internal/pipe/release/release.go", 20)]
    // Documentation added, in the code's own annotations or docstrings (scala-cli, 2025-04-02; iceberg-python).
    [InlineData("Add missing reference docs for Toolkit directives", "modules/directives/src/main/scala/Toolkit.scala", 40)]
    [InlineData("Add docstrings to pyiceberg/table/inspect.py (#3802)", "pyiceberg/table/inspect.py", 60)]
    public void Only_documentation_or_message_wording_is_low(string title, string path, int lines)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File(path, lines, lines / 2));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Contains("wording", analyzed.ReasonCodes());
    }

    [Fact]
    public void A_feature_added_with_its_documentation_is_no_wording()
    {
        var analyzed = Analyzed(CommitBuilder.Message("Add retry support and documentation for it").File("src/client/retry.rs", 120, 10));

        Assert.DoesNotContain("wording", analyzed.ReasonCodes());
        Assert.NotEqual(ImportanceLevel.Low, analyzed.Importance.Level);
    }

    [Fact]
    public void The_wording_reason_quotes_the_title_up_to_what_it_is_about_not_the_parenthesis_after()
    {
        var analyzed = Analyzed(CommitBuilder.Message("Fix InternalServerError docs (#3640)").File("src/response.rs", 20, 10));

        Assert.Equal("only documentation or message wording (Fix InternalServerError docs)", analyzed.Reason("wording").Detail);
    }

    [Theory]
    [InlineData("fix: show correct results after a refresh")]
    [InlineData("Report the right exit code when the child is killed")]
    public void Correcting_what_the_product_shows_or_reports_is_no_wording(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("src/runner.go", 20, 10));

        Assert.DoesNotContain("wording", analyzed.ReasonCodes());
        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);
    }

    [Fact]
    public void A_large_change_that_also_improves_an_error_message_is_not_wording()
    {
        var analyzed = Analyzed(CommitBuilder.Message("fix(gitlab): rework endpoint parsing and improve error message")
            .Files(4, i => $"lib/platform/gitlab/part{i}.ts", 60, 20));

        Assert.DoesNotContain("wording", analyzed.ReasonCodes());
        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);
    }

    /// <summary>The scripts a maintainer cuts a release with (fmt's support/release.py, prettier's scripts/release/, tox's
    /// tasks/release.py, burn's xtask publish command): nothing a user installs changes. A release tool's own product code
    /// (goreleaser's internal/pipe/release/) and a script named otherwise are not that.</summary>
    [Theory]
    [InlineData("Fix release script", "support/release.py", true)]
    [InlineData("Fix \"Merge release notes PR\" step", "scripts/release/steps/merge-blog-post.js", true)]
    [InlineData("[xtask] Fix cargo_run for publish command (#1611)", "xtask/src/publish.rs", true)]
    [InlineData("Fix bump-version.ps1", "eng/bump-version.ps1", true)]
    [InlineData("fix(release): retry the GitLab release upload on a 502", "internal/pipe/release/release.go", false)]
    [InlineData("Fix the benchmark script", "scripts/bench.py", false)]
    public void The_maintainers_release_tooling_is_low(string title, string path, bool tooling)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File(path, 14, 6));

        Assert.Equal(tooling, analyzed.ReasonCodes().Contains("release-tooling"));
        Assert.Equal(tooling, analyzed.Importance.Level == ImportanceLevel.Low);
    }

    // A release commit whose body is its changelog: the fixes and breaking changes it lists landed in their own commits.
    [Fact]
    public void A_release_commit_is_low_whatever_its_changelog_body_lists()
    {
        var analyzed = Analyzed(CommitBuilder.Message("[RELEASE] Released version 3.4-dev10\n\nReleased version 3.4-dev10 with the following main changes :\n"
                + "    - BUG/MINOR: net_helper: fix out-of-bounds read in tcp_fullhdr_find_opt\n    - BUG/MAJOR: http: forbid comma character in authority value\n"
                + "    - Breaking: the legacy stats socket is removed\n")
            .File("VERSION", 1, 1)
            .File("CHANGELOG", 164, 0));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Equal("release version 3.4-dev10", analyzed.Reason("release-version").Detail);
    }

    [Theory]
    [InlineData("ggml : bump version to 0.9.7 (ggml/1425)", "ggml/CMakeLists.txt", "0.9.7")]
    [InlineData("Bump 0.16.0 (#27136)", "Cargo.toml", "0.16.0")]
    [InlineData("publish 0.28.1 to npm", "npm/esbuild/package.json", "0.28.1")]
    [InlineData("[ci skip] Publish 4.7.0a1", "packages/application/package.json", "4.7.0a1")]
    [InlineData("Prepare for 7.5.0", "configure.ac", "7.5.0")]
    [InlineData("update to release version v7.14.1", "contrib/local-environment/docker-compose.yaml", "7.14.1")]
    [InlineData("Now working on version 1.52.2", "include/uv/version.h", "1.52.2")]
    [InlineData("chore: version to 0.68.1 (#6083)", "crates/pixi/Cargo.toml", "0.68.1")]
    [InlineData("release Hatchling v1.22.0 (#1322)", "backend/src/hatchling/__about__.py", "1.22.0")]
    [InlineData("Release for v0.6.0 (#3291)", "crates/libcgroups/Cargo.toml", "0.6.0")]
    [InlineData("Release chart 2.18.5 (#1939)", "helm/sealed-secrets/Chart.yaml", "2.18.5")]
    [InlineData("set dev version (#6709)", "setup.py", "(next development iteration)")]
    [InlineData("Version v1.75.0", "VERSION", "1.75.0")]
    [InlineData("Version 0.41.0 (#2821)", "uvicorn/__init__.py", "0.41.0")]
    [InlineData("chore(release): vpy3.0.0 (#4410)", "python/pyproject.toml", "3.0.0")]
    [InlineData("chore(release): py-v2.1.0", "python/pyproject.toml", "2.1.0")]
    public void A_release_version_bump_with_any_title_prefix_is_low(string title, string manifest, string version)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title)
            .File(manifest, 3, 3)
            .File("CHANGELOG.md", 90, 10)
            .File("crates/linter/src/rules/copyright.rs", 1, 1));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Equal($"release version {version}", analyzed.Reason("release-version").Detail);
    }

    [Fact]
    public void A_one_line_fix_keeps_its_level_and_a_one_line_chore_is_trivial()
    {
        var fix = Analyzed(CommitBuilder.Message("fix(moe): pad the route map by one element").File("csrc/moe/route.cu", 1, 1));
        var chore = Analyzed(CommitBuilder.Message("chore: move the constant").File("src/limits.rs", 1, 1));

        Assert.Equal(ImportanceLevel.Medium, fix.Importance.Level);
        Assert.DoesNotContain("trivial", fix.ReasonCodes());
        Assert.Equal(ImportanceLevel.Low, chore.Importance.Level);
        Assert.Contains("trivial", chore.ReasonCodes());
    }

    [Fact]
    public void A_ci_change_is_a_release_pipeline_change_by_what_its_title_says_ships()
    {
        var gate = Analyzed(CommitBuilder.Message("ci: gate the docker.yml workflow_dispatch build behind the release environment")
            .File(".github/workflows/docker.yml", 4, 1));
        var runners = Analyzed(CommitBuilder.Message("Use Namespace runners for Windows (#27101)")
            .File(".github/workflows/build-binaries.yml", 6, 6));
        var image = Analyzed(CommitBuilder.Message("[CI] Pin the AMD runner image (#16931)").File(".github/workflows/pr-test-amd.yml", 2, 2));

        Assert.Equal(ImportanceLevel.Medium, gate.Importance.Level);
        Assert.Contains("release-pipeline", gate.ReasonCodes());
        Assert.Equal(ImportanceLevel.Low, runners.Importance.Level);
        Assert.DoesNotContain("release-pipeline", runners.ReasonCodes());
        Assert.Equal(ImportanceLevel.Low, image.Importance.Level);
    }



    [Fact]
    public void Escaping_a_header_value_is_hardening()
    {
        var analyzed = Analyzed(CommitBuilder.Message("fix(extra): escape filename in Content-Disposition header (#3664)")
            .File("axum-extra/src/response/attachment.rs", 52, 5));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Contains("hardening", analyzed.ReasonCodes());
    }

    [Fact]
    public void A_template_named_in_a_body_or_a_security_tool_described_by_a_feature_is_no_hardening()
    {
        var reject = Analyzed(CommitBuilder.Message("tpl/templates: Reject Defer inside partialCached\n\nDefer in baseof.html and in a plain partial is unaffected.")
            .File("tpl/templates/templates.go", 8, 1));
        var audit = Analyzed(CommitBuilder.Message("feat(cli): port the audit command\n\nReports vulnerabilities from the advisory database, flags packages an attacker could exploit and untrusted registries.")
            .Files(6, i => $"crates/cli/src/audit{i}.rs", 80));

        Assert.DoesNotContain("hardening", reject.ReasonCodes());
        Assert.DoesNotContain("hardening", audit.ReasonCodes());
    }

    [Fact]
    public void A_flat_repository_has_no_periphery_by_size_but_one_with_a_main_directory_does()
    {
        // Twenty Go packages of similar weight at the top level, one small one.
        var flat = Enumerable.Range(0, 20).ToDictionary(i => $"pkg{i:00}", _ => new DirectoryWeight(20, 20));
        flat["discover"] = new DirectoryWeight(3, 3);
        // Most of the code under src/, a small top-level tools folder beside it.
        var nested = Enumerable.Range(0, 20).ToDictionary(i => $"src/pkg{i:00}", _ => new DirectoryWeight(20, 20));
        nested["helper"] = new DirectoryWeight(3, 3);

        Assert.Equal(Placement.Normal, new RepositoryProfile(flat).PlacementOf("discover/runner.go"));
        Assert.Equal(Placement.Periphery, new RepositoryProfile(nested).PlacementOf("helper/run.py"));
    }

    [Fact]
    public void An_engine_bundled_below_the_top_level_is_upgraded_when_its_files_change()
    {
        var profile = new RepositoryProfile(new Dictionary<string, DirectoryWeight>
        {
            ["server"] = new(40, 60),
            ["cmd"] = new(10, 20),
            ["ml/backend/ggml/ggml/src"] = new(60, 30),
        });
        var sync = Analyzed(CommitBuilder.Message("ggml update to b6840 (#12791)")
            .Files(20, i => $"ml/backend/ggml/ggml/src/op{i}.cpp", 30, 10)
            .File("Makefile.sync", 1, 1), profile);
        var elsewhere = Analyzed(CommitBuilder.Message("ggml update to b6840 (#12791)")
            .Files(6, i => $"server/sched{i}.go", 30, 10), profile);

        Assert.Equal(ImportanceLevel.High, sync.Importance.Level);
        Assert.Equal("upgrades the bundled engine ggml", sync.Reason("engine").Detail);
        Assert.DoesNotContain("engine", elsewhere.ReasonCodes());
    }

    /// <summary>electron (2026-04-28): "chore: bump chromium to 149.0.7813.0" moves DEPS and the product's own patches of
    /// Chromium (patches/chromium/…): the product builds Chromium in. A roll of a component without a version is no upgrade.</summary>
    [Theory]
    [InlineData("chore: bump chromium to 149.0.7813.0 (main) (#51362)", "patches/chromium/can_create_window.patch", true)]
    [InlineData("chore: bump node to v24.15.0 (main) (#51295)", "third_party/electron/patches/node/fix_crypto_tests.patch", true)]
    [InlineData("feat: roll Squirrel.Mac for streamed, resumable and delta update downloads", "patches/squirrel.mac/build_add_zip.patch", false)]
    [InlineData("chore: bump chromium to 149.0.7813.0 (main) (#51362)", "patches/v8/cherry_pick_fix.patch", false)]
    public void A_bump_of_a_component_whose_patches_the_product_keeps_upgrades_the_bundled_engine(string title, string patch, bool engine)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("DEPS", 1, 1).File(patch, 4, 4));

        Assert.Equal(engine, analyzed.Importance.Level == ImportanceLevel.High);
        Assert.Equal(engine, analyzed.ReasonCodes().Contains("engine"));
    }

    /// <summary>evidence (2025-11-04): "chore: bump core-components to 5.2.2 to enable publish to 5.2.3" moves the version
    /// line of the package's own package.json and a changeset: the repository publishes its own package, it upgrades no
    /// engine. The same title over the component's code is the engine's upgrade.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_bump_of_the_version_line_of_a_components_own_manifest_is_no_engine_upgrade(bool code)
    {
        var profile = new RepositoryProfile(new Dictionary<string, DirectoryWeight>
        {
            ["packages/ui/core-components/src"] = new(80, 60),
            ["packages/lib/sdk/src"] = new(60, 30),
        });
        var commit = CommitBuilder.Message("chore: bump core-components to 5.2.2 to enable publish to 5.2.3")
            .Added(".changeset/bump-core-components-5-2-3.md", 6)
            .File("packages/ui/core-components/package.json", 1, 1);
        var analyzed = Analyzed(code ? commit.Files(4, i => $"packages/ui/core-components/src/c{i}.svelte", 30, 10) : commit, profile);

        Assert.Equal(code, analyzed.ReasonCodes().Contains("engine"));
        Assert.Equal(code ? ImportanceLevel.High : ImportanceLevel.Low, analyzed.Importance.Level);
    }

    /// <summary>square/wire (2026-07-02): "Update wire-golden-files" regenerates the expected outputs its tests compare
    /// against, a top-level folder of their own: the tests' data, not an engine the product bundles.</summary>
    [Fact]
    public void Golden_files_are_the_tests_not_a_bundled_engine()
    {
        var profile = new RepositoryProfile(new Dictionary<string, DirectoryWeight>
        {
            ["wire-library/wire-runtime/src"] = new(80, 60),
            ["wire-golden-files/src/main/kotlin"] = new(40, 30),
        });
        var analyzed = Analyzed(CommitBuilder.Message("Update wire-golden-files")
            .Files(5, i => $"wire-golden-files/src/main/kotlin/squareup/wire/alltypes/Type{i}.kt", 30, 10), profile);

        Assert.DoesNotContain("engine", analyzed.ReasonCodes());
        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
    }

    /// <summary>spring-kafka (2026-08-13): a flaky test made reliable whose body speaks of a mocking library's field
    /// injection bypassed for a spy hardens nothing; a security fix that says so keeps its floor.</summary>
    [Theory]
    [InlineData("Fix CI flakiness in share consumer integration tests", false)]
    [InlineData("Fix header injection bypass in the record deserializer", true)]
    public void A_flaky_test_fixed_is_no_hardening_whatever_its_body_says(string title, bool high)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title + "\n\nThe spy was created before the field injection ran, so Mockito's injection was bypassed and the untrusted-header path was never stubbed.")
            .File("spring-kafka/src/main/java/org/springframework/kafka/listener/ShareKafkaMessageListenerContainer.java", 4, 2)
            .File("spring-kafka/src/test/java/org/springframework/kafka/listener/ShareKafkaListenerIntegrationTests.java", 30, 12));

        Assert.Equal(high, analyzed.Importance.Level == ImportanceLevel.High);
    }

    /// <summary>osv-scanner (2025-07-14): a vulnerability scanner's pages, lists and ids are its output, not a
    /// vulnerability; a vulnerability fixed is one.</summary>
    [Theory]
    [InlineData("fix(output): change links to go to vuln page instead of list page (#2068)", false)]
    [InlineData("fix: show the vuln ids in the table header", false)]
    [InlineData("fix: vuln in the path sanitiser", true)]
    public void A_scanners_vuln_page_is_no_vulnerability(string title, bool security)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("internal/output/sarif.go", 12, 4));

        Assert.Equal(security, analyzed.ReasonCodes().Contains("security") || analyzed.ReasonCodes().Contains("hardening"));
        Assert.Equal(security, analyzed.Importance.Level == ImportanceLevel.High);
    }

    /// <summary>tunix, 2026-08-20: "[Weight Sync Orchestrator 2/N] Route sync_weights through the weight sync coordinator"
    /// changes tunix/experimental/orchestrator/: the product's own work in progress, not an engine it bundles.</summary>
    [Fact]
    public void A_component_under_an_experimental_folder_is_no_bundled_engine()
    {
        var profile = new RepositoryProfile(new Dictionary<string, DirectoryWeight>
        {
            ["tunix/rl"] = new(80, 60),
            ["tunix/experimental/orchestrator"] = new(40, 50),
            ["tunix/models"] = new(60, 30),
        });
        var series = Analyzed(CommitBuilder.Message("[Weight Sync Orchestrator 2/N] Route sync_weights through the weight sync coordinator")
            .File("tunix/experimental/orchestrator/distributed_rl_engine.py", 13, 18)
            .File("tunix/experimental/orchestrator/orchestrator.py", 3, 0)
            .File("tunix/experimental/orchestrator/distributed_rl_engine_test.py", 29, 18), profile);

        Assert.DoesNotContain("engine", series.ReasonCodes());
        Assert.NotEqual(ImportanceLevel.High, series.Importance.Level);
    }

    /// <summary>opentelemetry-go, 2025-05-28: "Upgrade semconv to 1.34.0 in trace" points trace/'s imports at the
    /// repository's own semconv/v1.34.0/ package, which another commit added: nothing of the component moves, so nothing
    /// bundled is upgraded. A sync of an engine that records its revision outside the engine's folder still is one.</summary>
    [Fact]
    public void A_component_named_in_a_bump_whose_files_do_not_move_is_no_bundled_engine()
    {
        var profile = new RepositoryProfile(new Dictionary<string, DirectoryWeight>
        {
            ["semconv/v1.34.0"] = new(60, 10),
            ["sdk/trace"] = new(40, 60),
            ["trace"] = new(30, 40),
            ["ggml/src"] = new(80, 40),
        });
        var imports = Analyzed(CommitBuilder.Message("Upgrade semconv to 1.34.0 in trace (#6836)")
            .Files(4, i => $"trace/span{i}.go", 2, 2), profile);
        var sync = Analyzed(CommitBuilder.Message("sync : ggml").File("scripts/sync-ggml.last", 1, 1), profile);

        Assert.DoesNotContain("engine", imports.ReasonCodes());
        Assert.NotEqual(ImportanceLevel.High, imports.Importance.Level);
        Assert.Contains("engine", sync.ReasonCodes());
    }

    [Fact]
    public void A_bump_that_moves_only_the_named_folders_version_file_is_the_projects_own_version()
    {
        var profile = new RepositoryProfile(new Dictionary<string, DirectoryWeight>
        {
            ["pylint/checkers"] = new(120, 60),
            ["pylint"] = new(40, 20),
            ["doc"] = new(10, 10),
        });
        var own = Analyzed(CommitBuilder.Message("Bump pylint to 4.1.0-dev0, update changelog")
            .File("pylint/__pkginfo__.py", 1, 1).File("tbump.toml", 1, 1).File("towncrier.toml", 1, 1).File("doc/whatsnew/4/4.1/index.rst", 16, 0), profile);

        var notes = Analyzed(CommitBuilder.Message("Bump pylint version to 4.1.1 and update changelog")
            .File("pylint/RELEASE.rst", 0, 3).File("pylint/docs/changelog.rst", 8, 0).File("pylint/__pkginfo__.py", 1, 1), profile);

        Assert.DoesNotContain("engine", own.ReasonCodes());
        Assert.NotEqual(ImportanceLevel.High, own.Importance.Level);
        Assert.DoesNotContain("engine", notes.ReasonCodes());
    }

    [Fact]
    public void The_repositorys_own_module_required_in_its_manifests_is_no_bundled_engine()
    {
        var profile = new RepositoryProfile(new Dictionary<string, DirectoryWeight>
        {
            ["core"] = new(60, 60),
            ["api"] = new(30, 20),
            ["cmd"] = new(10, 10),
        });
        var requirement = Analyzed(CommitBuilder.Message("Update api version to v1.12.0-beta.0")
            .File("go.mod", 2, 2).File("go.sum", 2, 0).File("vendor/github.com/containerd/containerd/api/LICENSE", 191, 0)
            .File("vendor/modules.txt", 2, 1), profile);
        var sync = Analyzed(CommitBuilder.Message("Update api version to v1.12.0-beta.0")
            .File("go.mod", 2, 2).Files(4, i => $"api/services/v{i}.proto", 20, 4), profile);

        Assert.DoesNotContain("engine", requirement.ReasonCodes());
        Assert.NotEqual(ImportanceLevel.High, requirement.Importance.Level);
        Assert.Equal("upgrades the bundled engine api", sync.Reason("engine").Detail);
    }

    [Theory]
    [InlineData("Fixed uninitialized memory read caused by stale regex captures.")]
    [InlineData("ascii: fix potential overrun when given all spaces")]
    [InlineData("iso9660: Fix OOB in Joliet ID generation")]
    [InlineData("Fix invalid free when constructing script templates")]
    [InlineData("Fix double free of a CallSite when the backtrace array insertion fails")]
    [InlineData("parser: fix read out of bounds on a truncated header")]
    public void A_fix_of_a_memory_error_in_the_core_is_high(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("server/sched.go", 12, 4));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Contains("critical-fix", analyzed.ReasonCodes());
    }

    // A field or variable left uninitialised is severe; memory read before it was written is critical.
    [Theory]
    [InlineData("Fix msan error, uninitialized model_training", "medium")]
    [InlineData("Fixed uninitialized memory read caused by stale regex captures.", "high")]
    public void Only_uninitialised_memory_read_is_critical(string title, string level)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("server/sched.go", 12, 4));

        Assert.Equal(level, analyzed.Importance.Level.ToString().ToLowerInvariant());
        Assert.Equal(level == "high", analyzed.ReasonCodes().Contains("critical-fix"));
    }

    // Labelled by the rubric over 27 sets, 19 of 22 fixes of a crash, hang or corruption in the core were medium: most
    // happen in a stated case ("on empty config", "when compiled without SSL", "on 32 bit systems").
    [Theory]
    [InlineData("server: fix crash when the model is unloaded", "crash")]
    [InlineData("tsdb: fix compaction stuck on an empty block", "stuck")]
    [InlineData("fix(http1): fix busy loop when peer half-closes and open body (#4086)", "busy loop")]
    public void A_fix_of_a_crash_or_hang_in_the_core_is_medium(string title, string severe)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("server/sched.go", 12, 4));

        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);
        Assert.Equal($"fixes a severe problem ({severe})", analyzed.Reason("severe-fix").Detail);
    }

    // Labelled by the rubric, 3 in 15 such fixes were high over 2,104 commits of 60 repositories: most wrong results are
    // a narrow case, and the title cannot tell which are not.
    [Theory]
    [InlineData("mac: fix stale VRAM data (#12972)", "stale")]
    [InlineData("diff: handle renamed files correctly", "correctly")]
    public void A_fix_of_wrong_results_in_the_core_is_medium_and_says_so(string title, string word)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).Files(4, i => $"server/sched{i}.go", 60, 20));

        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);
        Assert.Equal($"fixes a severe problem ({word})", analyzed.Reason("severe-fix").Detail);
    }

    [Theory]
    [InlineData("feat(http): disable Deno.serve automatic compression by default (#35486)")]
    [InlineData("feat(cli): default new command to src layout")]
    [InlineData("Change default max_completion_length from 256 to 512 (#6264)")]
    [InlineData("fix(server): lower table growth margin default (#8080)")]
    [InlineData("server: default the context length to 4096")]
    [InlineData("Restore register-count as the default cost model (#3055)")]
    [InlineData("Add newly stabilized rules to defaults (#27055)")]
    [InlineData("Set the default of runtimeFeatures.UserNamespacesHostNetwork to true")]
    [InlineData("feat: make the fast tokenizer v2 the default")]
    [InlineData("feat: make Rustls the default TLS provider. (#2752)")]
    [InlineData("Update default health check query to do a null query (#1233)")]
    [InlineData("Update the default version of core metadata to 2.4 (#1790)")]
    public void A_title_that_changes_a_default_is_high(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("server/config.go", 12, 4));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Contains("defaults", analyzed.ReasonCodes());
    }

    /// <summary>pyright writes a paragraph as its title: "Added `reportUnreachable` diagnostic check. … This diagnostic check
    /// is off by default even in strict mode …" adds a check, and "… when used as default values for a dataclass field"
    /// names a case; neither changes a default.</summary>
    [Theory]
    [InlineData("Added `reportUnreachable` diagnostic check. If enabled, it emits a diagnostic for unreachable code. This diagnostic check is off by default even in strict mode. (#10581)")]
    [InlineData("Added check for mutable values of type list, dict, or set when used as default values for a dataclass field. These result in TypeErrors at runtime. (#10557)")]
    public void A_default_described_after_the_first_sentence_or_as_a_case_is_not_changed(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("packages/pyright-internal/src/analyzer/checker.ts", 60, 4));

        Assert.DoesNotContain("defaults", analyzed.ReasonCodes());
    }

    /// <summary>uv (2026-07-28): "Package by default: Update documentation" names the feature whose default changed in
    /// another commit; its own code lines reword the CLI's help text. The same title over a line of code is the change.</summary>
    [Theory]
    [InlineData("+    /// This is the default behavior.", "medium")]
    [InlineData("+    let package = !args.no_package && args.build_backend.is_none();", "high")]
    public void A_default_named_by_a_commit_that_only_rewords_doc_comments_is_not_changed(string line, string level)
    {
        var analyzed = Analyzed(CommitBuilder.Message("Package by default: Update documentation (#19026)")
            .Diff("crates/uv-cli/src/lib.rs", line, "-    /// This is the default behavior when using `--lib`.")
            .File("docs/concepts/projects/init.md", 85, 80).File("docs/guides/projects.md", 30, 10)
            .Diff("mkdocs.yml", "+      - Packaging: guides/package.md"));

        Assert.Equal(level, analyzed.Importance.Level.ToString().ToLowerInvariant());
        Assert.Equal(level == "high", analyzed.ReasonCodes().Contains("defaults"));
    }

    [Theory]
    [InlineData("Deprecate 'method' parameter in DataFrame.fillna (#10846)", "src/frame.py", "+        warnings.warn(\"method is deprecated\", FutureWarning)", "medium")]
    [InlineData("grpc: deprecate WithSharedWriteBuffer and SharedWriteBuffer (#9060)", "dialoptions.go", "+// Deprecated: use WithWriteBufferSize.", "medium")]
    [InlineData("docs(query): deprecate `new` in favor of `returnDocument`", "types/query.d.ts", "+   * @deprecated use returnDocument", "low")]
    public void Deprecating_part_of_the_product_is_medium_however_small(string title, string path, string line, string level)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).Diff(path, line));

        Assert.Equal(level, analyzed.Importance.Level.ToString().ToLowerInvariant());
        Assert.Equal(level == "medium", analyzed.ReasonCodes().Contains("deprecation"));
    }

    /// <summary>dask/distributed (2026-05-18), sphinx, typeorm, devise: what was deprecated removed is medium however few
    /// lines go and whatever verb says it — its last callers must move off it; unused code removed is still a clean-up.</summary>
    [Theory]
    [InlineData("Remove deprecated functions in ``sphinx.util.typing``", 0, 24, true, "medium")]
    [InlineData("Clean up deprecations in Scheduler, Worker, Nanny (#9238)", 40, 160, true, "medium")]
    [InlineData("refactor(mongodb): remove deprecated connection options (#12179)", 10, 90, true, "medium")]
    [InlineData("internal/cri/setutils: remove unused, deprecated utils", 0, 60, false, "low")]
    [InlineData("Remove deprecation marker from compile_structural_tag overload (#751)", 1, 2, false, "low")]
    public void Removing_what_was_deprecated_is_medium_however_small(string title, int additions, int deletions, bool removal, string level)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("src/scheduler/core.py", additions, deletions));

        Assert.Equal(level, analyzed.Importance.Level.ToString().ToLowerInvariant());
        Assert.Equal(removal, analyzed.ReasonCodes().Contains("deprecated-removal"));
    }

    [Theory]
    [InlineData("feat(themes): add night-owl theme (#3393)", "zellij-utils/assets/themes/night-owl.kdl", true, "low")]
    [InlineData("feat: add the nord colour scheme", "runtime/colorschemes/nord.toml", true, "low")]
    // A theme fixed is the theme its users already picked: not one more choice.
    [InlineData("fix(theme): fix for gruvbox light and dark (#3255)", "zellij-utils/assets/themes/gruvbox.kdl", false, "medium")]
    public void A_new_colour_theme_in_the_collection_is_low(string title, string path, bool added, string level)
    {
        var commit = CommitBuilder.Message(title);
        var analyzed = Analyzed(added ? commit.Added(path, 60) : commit.File(path, 60, 20));

        Assert.Equal(level, analyzed.Importance.Level.ToString().ToLowerInvariant());
        Assert.Equal(level == "low", analyzed.ReasonCodes().Contains("themes"));
    }

    [Theory]
    [InlineData("Tokenizer: Change default to lazy init")]
    [InlineData("Make Include Realm the default (#6341)")]
    public void A_changed_default_of_one_line_is_small_but_never_low(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("src/tokenizer.py", 1, 1));

        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);
        Assert.Equal(["defaults", "trivial"], analyzed.ReasonCodes().Intersect(["defaults", "trivial"]));
    }

    [Theory]
    [InlineData("proxy: fix missing default handler in resnull")]
    [InlineData("chore(cli): deprecate default source priority")]
    [InlineData("[ty] Preserve string annotation context in lambda defaults and TypedDicts (#27914)")]
    [InlineData("Fix default handling in CookieJar::queued() (#60904)")]
    [InlineData("fix(add): set dep's default features explicitly")]
    [InlineData("Keep the string subscribers default when rebuilding a Fanout")]
    [InlineData("Add option to launch Studio without opening the default browser (#7016)")]
    [InlineData("fix: default left and right prompts respect user color settings (#18506)")]
    [InlineData("fix(winget): fall back to the default description in additional locales (#6771)")]
    [InlineData("Use the default allocator in the arena tests")]
    [InlineData("Update the docs of the default config")]
    public void A_title_that_only_names_a_default_changes_none(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("server/config.go", 12, 4));

        Assert.DoesNotContain("defaults", analyzed.ReasonCodes());
    }

    [Theory]
    [InlineData("feat(graph): traversal of HTML-ish files (#11158)")]
    [InlineData("Fix missing GC traversal in `pydantic-core` for `GeneralFieldsSerializer` (#13629)")]
    [InlineData("fix(just): Fix injection language detection from `set shell` (#15880)")]
    [InlineData("Fix Svelte `<script>` and `<style>` injections (#15846)")]
    [InlineData("KTOR-9741 Prevent CIO request handler leak (#5783)")]
    [InlineData("Remove obsolete HTML stack lookup limits (#2569)")]
    [InlineData("fix(upload): a misconfigured upload stops the others (#6786)")]
    [InlineData("studio: use Hugeicons AI Security glyph for Run automatically (#7409)")]
    [InlineData("test: stop leaking temp dirs from three test fixtures (#13342)")]
    [InlineData("Fix `apply_chat_template` dropping leading tokens from `chosen` when the prompt ends in rejected text")]
    [InlineData("Flatten block content inside links in Action Text markdown conversion (#58209)")]
    [InlineData("add a way to open a chat's sandbox folder from the ui (#8661)")]
    [InlineData("avoid computing escape sequence semantic tokens when skipping them")]
    [InlineData("lexer: escape sequences outside string literals are tokens of their own")]
    // A traversal avoided is work saved (pandoc, 2026-04-09); a path traversal is prevented, not avoided.
    [InlineData("Parsing: avoid full list traversal in fromParsecError")]
    public void A_word_of_security_used_in_another_sense_is_no_hardening(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("src/engine/walker.rs", 20, 6));

        Assert.DoesNotContain("hardening", analyzed.ReasonCodes());
        Assert.DoesNotContain("security", analyzed.ReasonCodes());
    }

    [Theory]
    [InlineData("Prevent glob injection in ActiveStorage DiskService#delete_prefixed")]
    [InlineData("Convert perforce util to use array process args to avoid injections")]
    [InlineData("Prevent path traversal in ActiveStorage DiskService")]
    [InlineData("Fix SQL injection in the search filter")]
    [InlineData("caddyhttp: fix url_pattern authorization bypass via encoded-slash traversal (#7941)")]
    [InlineData("[Sandbox] Don't inject the HF token in sandbox jobs as SBX_DL_TOKEN (#4583)")]
    [InlineData("Gate OSC clipboard writes on focus to prevent clipboard hijacking (#19357)")]
    public void An_injection_traversal_or_hijacking_named_as_an_attack_is_high(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("src/engine/walker.rs", 20, 6));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
    }

    /// <summary>frp (2026-03-07): "fix: validate CA cert parsing and add missing ReadHeaderTimeout" says in its body that the
    /// timeout is there "to prevent slow header attacks"; a body that only mentions an attack prevents none.</summary>
    [Theory]
    [InlineData("- pkg/plugin/client/http2http.go: set ReadHeaderTimeout to 60s to\n  match other plugins and prevent slow header attacks", true)]
    [InlineData("This adds protection against decompression bomb attacks in the client.", true)]
    [InlineData("The benchmark now models the attack surface of the parser.", false)]
    public void A_fix_whose_body_says_it_prevents_an_attack_is_hardening(string body, bool hardening)
    {
        var analyzed = Analyzed(CommitBuilder.Message($"fix: validate CA cert parsing and add missing ReadHeaderTimeout (#5205)\n\n{body}")
            .File("pkg/plugin/client/http2http.go", 2, 1).File("pkg/transport/tls.go", 4, 1));

        Assert.Equal(hardening, analyzed.Importance.Level == ImportanceLevel.High);
        Assert.Equal(hardening, analyzed.ReasonCodes().Contains("hardening"));
    }

    [Fact]
    public void A_security_tool_set_up_in_configuration_hardens_nothing_a_user_runs()
    {
        var audit = Analyzed(CommitBuilder.Message("chore(deny): stop the advisory ignore from covering more than it should\n\n"
            + "The ignore let a vulnerable h2 version through; an attacker could exploit it.").File("deny.toml", 4, 2));

        Assert.DoesNotContain("hardening", audit.ReasonCodes());
        Assert.NotEqual(ImportanceLevel.High, audit.Importance.Level);
    }

    [Fact]
    public void A_command_named_like_a_problem_is_no_severe_fix()
    {
        var analyzed = Analyzed(CommitBuilder.Message("Preserve direct archive hashes in pip freeze (#20395)").File("crates/uv/src/freeze.rs", 60, 20));

        Assert.NotEqual(ImportanceLevel.High, analyzed.Importance.Level);
    }

    [Theory]
    [InlineData("Drop the trusted X-Forwarded-Host header from proxied requests", "drop … trusted")]
    [InlineData("web: no longer trust X-Forwarded-For from any peer", "no longer … trust")]
    [InlineData("remote: only accept credentials over https", "only accept … credentials")]
    [InlineData("api: limit unbounded request bodies", "limit … unbounded")]
    public void A_protection_phrased_as_a_removal_or_restriction_is_hardening(string title, string evidence)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("web/handler.go", 10, 6));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Equal($"security hardening ({evidence})", analyzed.Reason("hardening").Detail);
    }

    [Theory]
    [InlineData("Fixes #3445: Convert mockito-core", "mockito-core/build.gradle.kts", true)]
    [InlineData("fix(ci): suppress Pygments DeprecationWarning on Python 3.15 (#3733)", "pyproject.toml", true)]
    [InlineData("cmake: Add WITH_LEGACY dependencies", "CMakeLists.txt", true)]
    [InlineData("[Fix] Reduce wheel size from ~45 MB to ~1 MB (#739)", "CMakeLists.txt", false)]
    public void A_change_of_build_scripts_alone_builds_the_same_product(string title, string path, bool same)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File(path, 30, 12));

        Assert.Equal(same ? ImportanceLevel.Low : ImportanceLevel.Medium, analyzed.Importance.Level);
        Assert.Equal(same, analyzed.ReasonCodes().Contains("build-scripts"));
    }

    [Fact]
    public void A_dependency_bump_in_a_manifest_is_judged_as_a_bump_not_as_build_scripts()
    {
        var analyzed = Analyzed(CommitBuilder.Message("Bump serde from 1.0.200 to 2.0.0").File("Cargo.toml", 1, 1));

        Assert.DoesNotContain("build-scripts", analyzed.ReasonCodes());
    }

    [Theory]
    [InlineData("security: move OG image execution behind flag (#10175)")]
    [InlineData("fix(security): iteratively decode multi-level URL encoding instead of rejecting (#16960)")]
    public void A_title_typed_or_scoped_security_is_a_security_fix(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("packages/server/src/handler.ts", 40, 12));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Contains(analyzed.ReasonCodes(), code => code is "security" or "hardening");
    }

    [Theory]
    [InlineData("Remove unused header include from the kernel")]
    [InlineData("drop special tokens from the chat template")]
    [InlineData("Remove deprecated secret_key_base setting")]
    public void Removing_code_that_only_names_a_header_or_token_is_no_hardening(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("src/kernel.cpp", 10, 6));

        Assert.DoesNotContain("hardening", analyzed.ReasonCodes());
    }

    [Fact]
    public void The_day_cap_keeps_the_largest_changed_default_and_never_caps_a_memory_error_fix()
    {
        var day = new Dictionary<string, AnalyzedCommit>(StringComparer.Ordinal)
        {
            ["a1"] = Analyzed(CommitBuilder.Message("server: change the default context length").File("server/config.go", 30, 4)),
            ["a2"] = Analyzed(CommitBuilder.Message("runner: change the default batch size").File("server/runner.go", 8, 2)),
            ["a3"] = Analyzed(CommitBuilder.Message("server: fix use-after-free on unload").File("server/unload.go", 6, 2)),
        };
        Assert.All(day.Values, c => Assert.Equal(ImportanceLevel.High, c.Importance.Level));

        new DayRanker(ImportanceWeights.Default, SignalPhrases.English).Rank(day, []);

        Assert.Equal(ImportanceLevel.High, day["a1"].Importance.Level);
        Assert.Equal(ImportanceLevel.Medium, day["a2"].Importance.Level);
        Assert.Contains("day-cap", day["a2"].ReasonCodes());
        Assert.Equal(ImportanceLevel.High, day["a3"].Importance.Level);
    }

    [Fact]
    public void On_a_day_of_many_breaking_changes_only_the_strongest_stays_high_and_backports_count_once()
    {
        var major = Day(
            ("b1", CommitBuilder.Message("feat(python)!: Scheduled removal of deprecated functionality (#16715)").Files(8, i => $"py-polars/polars/frame{i}.py", 300, 150)),
            ("b2", CommitBuilder.Message("feat!: Do not propagate nulls in `clip` bounds (#14413)").File("crates/polars-ops/src/clip.rs", 60, 20)),
            ("b3", CommitBuilder.Message("feat!: Rename struct fields of `rle` output to `len`/`value` (#16400)").File("crates/polars-ops/src/rle.rs", 40, 20)));
        var backported = Day(
            ("c1", CommitBuilder.Message("feat!: Use decompressor max_length parameter (#11898)").File("aiohttp/compression.py", 60, 20)),
            ("c2", CommitBuilder.Message("[PR #11898/92477c5 backport][3.13] feat!: Use decompressor max_length parameter (#11917)").File("aiohttp/compression.py", 60, 20)),
            ("c3", CommitBuilder.Message("[PR #11898/92477c5 backport][3.14] feat!: Use decompressor max_length parameter (#11918)").File("aiohttp/compression.py", 60, 20)));

        Assert.Equal(ImportanceLevel.High, major["b1"].Importance.Level);
        Assert.Equal(ImportanceLevel.Medium, major["b2"].Importance.Level);
        Assert.Contains("day-cap", major["b3"].ReasonCodes());
        Assert.All(backported.Values, c => Assert.Equal(ImportanceLevel.High, c.Importance.Level));
    }

    /// <summary>The commits analysed and ranked as one day, by the names given as their shas.</summary>
    private static Dictionary<string, AnalyzedCommit> Day(params (string Sha, CommitBuilder Builder)[] commits)
    {
        var records = commits.Select(c => c.Builder.Build() with { Sha = c.Sha }).ToList();
        var day = records.ToDictionary(r => r.Sha, r => new RulesAnalyzer(ImportanceWeights.Default, ReportLanguage.En).Analyze(r), StringComparer.Ordinal);
        Assert.All(day.Values, c => Assert.Equal(ImportanceLevel.High, c.Importance.Level));
        new DayRanker(ImportanceWeights.Default, SignalPhrases.English).Rank(day, records);
        return day;
    }

    [Fact]
    public void A_vendored_engine_upgraded_by_hand_is_high_but_a_package_manager_update_is_not()
    {
        var sqlite = Analyzed(CommitBuilder.Message("Update vendored SQLite to 3.46.0")
            .Files(3, i => $"third_party/sqlite/sqlite3_{i}.c", 400, 300)
            .File("src/db/open.c", 4, 2));
        var module = Analyzed(CommitBuilder.Message("Update golang.org/x/net to v0.30.0")
            .Files(3, i => $"vendor/golang.org/x/net/http{i}.go", 40, 30)
            .File("go.mod", 1, 1));

        Assert.Equal(ImportanceLevel.High, sqlite.Importance.Level);
        Assert.Equal("upgrades the bundled engine sqlite", sqlite.Reason("engine").Detail);
        Assert.DoesNotContain("engine", module.ReasonCodes());
    }

    [Fact]
    public void A_breaking_tag_before_a_conventional_title_is_breaking()
    {
        var analyzed = Analyzed(CommitBuilder.Message("[BREAKING][worker, rollout, vllm] feat: run vLLM rollout in a separate process")
            .Files(6, i => $"verl/workers/rollout/part{i}.py", 60, 40));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Contains("breaking", analyzed.ReasonCodes());
    }

    [Fact]
    public void A_security_fix_of_vendored_code_the_product_builds_in_is_high()
    {
        var analyzed = Analyzed(CommitBuilder.Message("Fix lua bit.tohex (CVE-2024-31449)")
            .File("deps/lua/src/lua_bit.c", 1, 0)
            .File("tests/unit/scripting.tcl", 6, 0));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Contains("security", analyzed.ReasonCodes());
    }

    [Fact]
    public void Revoking_tokens_is_hardening_but_a_page_named_security_settings_is_not()
    {
        var revoke = Analyzed(CommitBuilder.Message("fix(oauth2): revoke refresh tokens on password reset (#5177)")
            .Files(3, i => $"xinference/api/oauth2/part{i}.py", 40, 10));
        var page = Analyzed(CommitBuilder.Message("Feat: (UI) Added Security Settings Page (#5153)")
            .Files(4, i => $"xinference/ui/src/pages/part{i}.tsx", 120, 0));

        Assert.Equal(ImportanceLevel.High, revoke.Importance.Level);
        Assert.NotEqual(ImportanceLevel.High, page.Importance.Level);
        Assert.DoesNotContain("hardening", page.ReasonCodes());
        var disclosure = Analyzed(CommitBuilder.Message("Security disclosure. (#12113)").File("python-package/xgboost/core.py", 4, 1));
        Assert.NotEqual(ImportanceLevel.High, disclosure.Importance.Level);
    }

    [Theory]
    [InlineData("fix")]
    [InlineData("More fixes")]
    [InlineData("wip (#1820)")]
    [InlineData("wip - comments")]
    [InlineData("Refining")]
    [InlineData("Project import generated by Copybara.")]
    [InlineData("Copybara import of the project:")]
    public void A_title_that_names_no_change_is_low_however_much_it_touches(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).Files(3, i => $"cupy/cuda/runtime{i}.pyx", 40, 12));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Contains("unnamed", analyzed.ReasonCodes());
    }

    [Theory]
    [InlineData("repl: Snapshot testing", true)]
    [InlineData("Less verbose tests", true)]
    [InlineData("Fix more tests", true)]
    [InlineData("Add integration tests (#88)", true)]
    [InlineData("Add test for last match in runas user/group lists.", true)]
    [InlineData("Add better test for batches", true)]
    [InlineData("add test to ensure -v|--verbose are never dist-compiled", true)]
    [InlineData("Add bundled-cmake ICU smoke test", true)]
    [InlineData("Add test coverage to places where IsEnterprise incorrectly covers Tenancy", true)]
    [InlineData("Added test_get_missing_dataset", true)]
    [InlineData("[TST] Tests for the ChromaCollection object. (#5666)", true)]
    // A change named beside its tests, or one named test: judged as the change.
    [InlineData("fix: adds check and test for + alignment to ensure it's parsed as text", false)]
    [InlineData("Fix broken pipe error and update tests", false)]
    [InlineData("add MoveSubBucket test", false)]
    public void A_title_whose_only_object_is_tests_is_low_though_tests_live_beside_the_code(string title, bool tests)
    {
        // Zig and Rust keep tests in the source files: the title is the only tell.
        var analyzed = Analyzed(CommitBuilder.Message(title).Files(3, i => $"src/repl/part{i}.zig", 60, 20));

        Assert.Equal(tests, analyzed.ReasonCodes().Contains("tests"));
        Assert.Equal(tests, analyzed.Importance.Level == ImportanceLevel.Low);
    }

    /// <summary>kotest's "Added more logging for ios debug", lnd's "multi: add logs to debug potential payment sending issue":
    /// log lines added to chase a problem change what the program prints, nothing it does.</summary>
    [Theory]
    [InlineData("Added more logging for ios debug", true)]
    [InlineData("multi: add logs to debug potential payment sending issue", true)]
    [InlineData("feat: more logging", true)]
    [InlineData("Add logging configuration file support", false)]
    public void Log_lines_added_are_wording(string title, bool wording)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("src/plugin/NativeGenerator.kt", 40, 0));

        Assert.Equal(wording, analyzed.ReasonCodes().Contains("wording"));
        Assert.Equal(wording, analyzed.Importance.Level == ImportanceLevel.Low);
    }

    [Theory]
    [InlineData("release notes for css nesting bugfix")]
    [InlineData("Release notes for Scrapy 2.18 (#7969)")]
    public void Release_notes_are_wording_though_comments_of_code_change_with_them(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title)
            .File("CHANGELOG.md", 12, 0)
            .File("internal/css_parser/css_nesting.go", 6, 2));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Contains("wording", analyzed.ReasonCodes());
    }

    [Theory]
    [InlineData("fix the stream ordering of async copies")]
    // Only a step of work in progress names its subject after a dash: a fix that does names what it fixes.
    [InlineData("fix - deadlock")]
    public void A_fix_that_says_what_it_fixes_keeps_its_level(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).Files(3, i => $"cupy/cuda/runtime{i}.pyx", 40, 12));

        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);
        Assert.DoesNotContain("unnamed", analyzed.ReasonCodes());
    }

    [Theory]
    [InlineData("Studio: sync linked folders into RAG (#8014)")]
    [InlineData("Studio: pin the remaining unpinned requirements (#8408)")]
    [InlineData("studio update: fail instead of reporting success on a damaged install (#7691)")]
    [InlineData("Fix studio sync lock files getting overridden with empty content (#15765)")]
    public void An_update_word_with_an_object_of_its_own_upgrades_no_engine(string title)
    {
        var profile = new RepositoryProfile(new Dictionary<string, DirectoryWeight>
        {
            ["unsloth"] = new(40, 60),
            ["studio"] = new(60, 30),
        });
        var analyzed = Analyzed(CommitBuilder.Message(title).Files(4, i => $"studio/backend/part{i}.py", 30, 10), profile);

        Assert.DoesNotContain("engine", analyzed.ReasonCodes());
    }

    [Theory]
    [InlineData("llama.cpp: update to b6840")]
    [InlineData("Update llama.cpp to b6840 (#812)")]
    public void An_engine_whose_folder_name_has_a_dot_is_named_by_the_words_of_the_title(string title)
    {
        var profile = new RepositoryProfile(new Dictionary<string, DirectoryWeight>
        {
            ["server"] = new(40, 60),
            ["cmd"] = new(10, 20),
            ["llama.cpp/src"] = new(60, 30),
        });
        var analyzed = Analyzed(CommitBuilder.Message(title).Files(8, i => $"llama.cpp/src/op{i}.cpp", 30, 10), profile);

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Equal("upgrades the bundled engine llama.cpp", analyzed.Reason("engine").Detail);
    }

    [Theory]
    [InlineData("time: wake `DelayQueue` when cleared (#8320)", "when")]
    [InlineData("Force blksize=128 when head_dim=256 on ascend (#4723)", "when")]
    [InlineData("reverseproxy: wraps request body to prevent closing if not read (#7719)", "to prevent")]
    [InlineData("[debugging] update awq to work with qwen3.8 (#3041)", "to work")]
    public void A_plain_title_that_states_when_behaviour_changes_is_medium(string title, string condition)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("src/engine/queue.rs", 6, 2));

        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);
        Assert.Equal($"changes behaviour in a stated case ({condition})", analyzed.Reason("scoped-behaviour").Detail);
    }

    [Theory]
    [InlineData("Don't cache local directories with a dash *facepalm*", "don't")]
    [InlineData("Stop integer power from hanging on a negative exponent (#4100)", "stop")]
    [InlineData("topo: always mark vnics as keep = 0", "always")]
    [InlineData("Make `path_exists('')` return false (#3570)", "make")]
    [InlineData("[RyzenAI] make speech sub-model optional in PhiMultiModalProcessor (#2167)", "make")]
    public void A_plain_title_that_leads_with_what_the_product_now_does_is_medium(string title, string verb)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("src/engine/queue.rs", 6, 2));

        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);
        Assert.Equal($"the title says what the product now does ({verb} …)", analyzed.Reason("behaviour").Detail);
    }

    [Theory]
    [InlineData("Set version post v2.12.0 release (#12345)")]
    [InlineData("Disable \"Linting files\" step")]
    [InlineData("[Cute,Bwd,Sm100] Don't need q_dk_consumer_state")]
    [InlineData("Make `IO.getn` and `IO.read` docs consistent (#15565)")]
    public void A_leading_verb_about_tooling_docs_or_versions_says_no_behaviour(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("src/engine/queue.rs", 6, 2));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.DoesNotContain("behaviour", analyzed.ReasonCodes());
    }

    [Fact]
    public void A_plain_title_closing_a_merged_pull_request_is_a_reviewed_change_and_medium()
    {
        var merged = Analyzed(CommitBuilder.Message("Fail open for GPT-5 model tokenisers (#596)").File("src/engine/tokenizer.py", 9, 3));
        var pushed = Analyzed(CommitBuilder.Message("Fail open for GPT-5 model tokenisers").File("src/engine/tokenizer.py", 9, 3));

        Assert.Equal(ImportanceLevel.Medium, merged.Importance.Level);
        Assert.Equal("a merged pull request (#596): a whole change someone reviewed", merged.Reason("pull-request").Detail);
        Assert.Equal(ImportanceLevel.Low, pushed.Importance.Level);
        Assert.DoesNotContain("pull-request", pushed.ReasonCodes());
    }

    [Theory]
    [InlineData("Tiny enhance exec_command (#743)")]
    [InlineData("Update MTP training doc (#718)")]
    [InlineData("Minor cleanups in the scheduler (#4101)")]
    public void A_merged_pull_request_whose_title_calls_it_small_or_about_the_docs_stays_low(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("src/engine/tokenizer.py", 9, 3));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.DoesNotContain("pull-request", analyzed.ReasonCodes());
    }

    [Theory]
    [InlineData("Exclude Markdown files from `format-dev` runs (#27052)")]
    [InlineData("Replace uses of deprecated `find_name_or_class_matches` fn (#1805)")]
    public void A_plain_title_without_a_stated_case_stays_low_when_small(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("src/engine/queue.rs", 2, 2));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.DoesNotContain("scoped-behaviour", analyzed.ReasonCodes());
    }

    [Fact]
    public void A_new_rule_added_in_a_nursery_folder_is_gated_whatever_its_title()
    {
        var analyzed = Analyzed(CommitBuilder.Message("feat(js/lint): implement rule `useDisposables` (#8651)")
            .Added("crates/js_analyze/src/lint/nursery/use_disposables.rs", 160)
            .File("crates/js_type_info/src/local_inference.rs", 180, 7)
            .File("crates/js_type_info/src/globals.rs", 120, 8)
            .Added(".changeset/fast-glasses-ask.md", 30));

        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);
        Assert.Equal("experimental / preview (nursery/)", analyzed.Reason("experimental").Detail);
    }

    [Fact]
    public void A_javascript_prototype_named_in_the_body_is_no_gate_but_a_prototype_in_prose_is()
    {
        const string fix = "fix(ext/fetch): block requests to bad ports per Fetch Standard (#34863)\n\n"
            + "The port is read as produced by `URL.prototype.port`, so the check is a single lookup.";
        const string spike = "feat(ext/fetch): stream request bodies\n\nA first prototype, behind a flag for now.";
        var named = Analyzed(CommitBuilder.Message(fix).File("ext/fetch/26_fetch.js", 120, 15));
        var prose = Analyzed(CommitBuilder.Message(spike).File("ext/fetch/26_fetch.js", 120, 15));

        Assert.DoesNotContain("experimental", named.ReasonCodes());
        Assert.Equal("experimental / preview (prototype)", prose.Reason("experimental").Detail);
    }

    [Fact]
    public void Wip_in_a_squash_body_is_no_gate_but_in_the_title_it_is()
    {
        var squash = Analyzed(CommitBuilder.Message("caddytls: Encrypted ClientHello\n\n* Initial commit\n* WIP Caddyfile\n* Fill out docs")
            .File("modules/tls/ech.go", 400, 20));
        var wip = Analyzed(CommitBuilder.Message("Encrypted ClientHello (WIP)").File("modules/tls/ech.go", 400, 20));

        Assert.DoesNotContain("experimental", squash.ReasonCodes());
        Assert.Equal("experimental / preview (wip)", wip.Reason("experimental").Detail);
    }

    [Theory]
    [InlineData("dart-api-examples/tts/bin/zipvoice-zh-en.dart", true)]
    [InlineData("nodejs_examples/test-offline-tts.js", true)]
    [InlineData("examples/tts/main.py", true)]
    [InlineData("src/examples_parser/main.py", false)]
    public void A_folder_named_for_the_examples_it_holds_is_examples(string path, bool examples)
    {
        var analyzed = Analyzed(CommitBuilder.Message("Add Dart API examples for ZipVoice models (#3347)")
            .Added(path, 120)
            .File(".github/scripts/test-dart.sh", 8, 0));

        Assert.Equal(examples, analyzed.ReasonCodes().Contains("examples"));
        Assert.Equal(examples, analyzed.Importance.Level == ImportanceLevel.Low);
    }

    [Fact]
    public void A_feature_whose_title_names_an_example_is_no_core_capability()
    {
        var analyzed = Analyzed(CommitBuilder.Message("Add FP8 quantization example for Granite4 (#1814)")
            .Added("src/compressor/modeling/granite4.py", 88)
            .Added("examples/fp8/granite4_example.py", 67)
            .File("README.md", 10, 0));

        Assert.DoesNotContain("core-feature", analyzed.ReasonCodes());
        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);
    }

    [Theory]
    [InlineData("codec: fix broken length_delimited builder doc examples (#8350)")]
    [InlineData("caddytls: Enhance ECH documentation")]
    [InlineData("Fix grammar for Silence is not yet valid (#4800)")]
    public void A_fix_or_rewrite_of_documentation_in_code_is_wording(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("src/codec/length_delimited.rs", 25, 13));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Contains("wording", analyzed.ReasonCodes());
    }

    [Fact]
    public void Typo_fixes_across_many_files_are_trivial_but_a_large_change_is_not()
    {
        var typos = Analyzed(CommitBuilder.Message("chore: clean up wording and typo fixes (#7745)").Files(18, i => $"modules/m{i}/file.go", 2, 2));
        var large = Analyzed(CommitBuilder.Message("chore: typo fixes and a new parser").Files(6, i => $"modules/m{i}/file.go", 40, 10));

        Assert.Equal(ImportanceLevel.Low, typos.Importance.Level);
        Assert.Contains("trivial", typos.ReasonCodes());
        Assert.DoesNotContain("trivial", large.ReasonCodes());
    }

    [Fact]
    public void A_core_feature_that_adds_an_environment_variable_is_a_new_setting_and_opt_in()
    {
        var analyzed = Analyzed(CommitBuilder.Message("feat: support HF_HUB_OFFLINE for model loading").File("core/src/loader.rs", 30, 4));
        var constant = Analyzed(CommitBuilder.Message("refactor: move MAX_BATCH_SIZE into the scheduler").File("core/src/loader.rs", 30, 4));

        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);
        Assert.Equal("new core setting HF_HUB_OFFLINE", analyzed.Reason("setting").Detail);
        Assert.DoesNotContain("setting", constant.ReasonCodes());
    }

    [Theory]
    [InlineData("calendar: diff returns off-by-one results with microseconds", "off-by-one")]
    [InlineData("Mean of an empty axis produces wrong values", "wrong")]
    public void A_title_that_reports_a_wrong_result_is_a_severe_fix_without_saying_fix(string title, string word)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("lib/calendar/diff.ex", 6, 2));

        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);
        Assert.Equal($"fixes a severe problem ({word})", analyzed.Reason("severe-fix").Detail);
    }

    [Fact]
    public void Adding_non_exhaustive_to_an_existing_public_rust_type_is_breaking_but_not_on_a_new_type()
    {
        var existing = Analyzed(CommitBuilder.Message("feat: add #[non_exhaustive] to DType enum")
            .Diff("candle-core/src/dtype.rs", "+#[non_exhaustive]"));
        var declared = Analyzed(CommitBuilder.Message("feat(cli): port the root command")
            .Diff("crates/cli/src/root.rs", "+#[non_exhaustive]", "+#[derive(Debug)]", "+pub enum RootKind {", "+    Global,", "+}"));

        Assert.Equal(ImportanceLevel.High, existing.Importance.Level);
        Assert.Equal("breaks the public API (adds #[non_exhaustive])", existing.Reason("breaking").Detail);
        Assert.DoesNotContain("breaking", declared.ReasonCodes());
    }

    /// <summary>aws-lc and casdoor (the twenty-seventh session's blind sets): the code says what the title does not — a secret
    /// wiped before its memory is freed, a user name escaped where it is spliced into an LDAP filter, a predictable random
    /// source replaced by a cryptographic one. A call traded for another escape ("htmlentities" for "htmlspecialchars"), a
    /// call that was there before, or a refactor that moves one along, adds no protection.</summary>
    [Theory]
    [InlineData("Clear intermediate values for ed25519 (#3075)", "crypto/curve25519/curve25519.c",
        new[] { "+  OPENSSL_cleanse(az, sizeof(az));" }, "OPENSSL_cleanse")]
    [InlineData("fix: improve buildAuthFilterString logic", "object/ldap_conn.go",
        new[] { "-\treturn fmt.Sprintf(\"(uid=%s)\", user.Name)", "+\treturn fmt.Sprintf(\"(uid=%s)\", goldap.EscapeFilter(user.Name))" }, "EscapeFilter")]
    [InlineData("fix: improve random handling", "object/verification.go",
        new[] { "-\t\"math/rand\"", "+\t\"crypto/rand\"", "+\tn, err := rand.Int(rand.Reader, max)" }, "crypto/rand")]
    [InlineData("Trim per-call overhead in render-path hot spots", "src/Assets/AssetUtils.php",
        new[] { "-    $e = htmlentities($value);", "+    $e = htmlspecialchars($value);" }, null)]
    [InlineData("fix: keep the escaped filter", "object/ldap_conn.go",
        new[] { "-\treturn goldap.EscapeFilter(a)", "+\treturn goldap.EscapeFilter(b)" }, null)]
    [InlineData("refactor: move the key cleanup into a helper", "crypto/keys.c",
        new[] { "+  OPENSSL_cleanse(key, sizeof(key));" }, null)]
    [InlineData("Explain the wipe", "crypto/keys.c",
        new[] { "+  /* OPENSSL_cleanse(key, sizeof(key)) runs in free_key */" }, null)]
    // A new feature escapes what its own new code prints (pomerium, 2026-02-02): nothing users ran was open.
    [InlineData("controlplane: add /versioned_config debug page (#6079)", "internal/controlplane/server_debug.go",
        new[] { "+\tfmt.Fprintf(w, \"<td>%s</td>\", html.EscapeString(cfg.Name))" }, null)]
    public void A_protection_the_code_newly_calls_is_hardening(string title, string path, string[] lines, string? protection)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).Diff(path, lines).File("src/other.c", 20, 4));

        Assert.Equal(protection is null ? null : $"security hardening ({protection})",
            analyzed.Importance.Reasons.FirstOrDefault(r => r.Code == "hardening")?.Detail);
        Assert.Equal(protection is not null, analyzed.Importance.Level == ImportanceLevel.High);
    }

    /// <summary>bullmq (2026-07): Renovate files "[security]" bumps of type definitions and dev-dependencies, which fix
    /// nothing a user runs; the same tag on a dependency the product runs with is a security fix.</summary>
    [Theory]
    [InlineData("chore(deps): update dependency @types/pg to v8.20.0 [security] (#4415)", false)]
    [InlineData("chore(deps): update devdependencies (non-major) [security] (#4416)", false)]
    [InlineData("chore(deps): update dependency ioredis to v5.8.2 [security] (#4417)", true)]
    public void A_security_bump_of_what_only_the_maintainers_run_is_no_security_fix(string title, bool high)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("package.json", 1, 1).File("yarn.lock", 4, 4));

        Assert.Equal(high, analyzed.Importance.Level == ImportanceLevel.High);
        Assert.Equal(high, analyzed.ReasonCodes().Contains("hardening") || analyzed.ReasonCodes().Contains("security"));
    }

    [Fact]
    public void A_plain_sentence_saying_something_no_longer_happens_changes_behaviour()
    {
        var analyzed = Analyzed(CommitBuilder.Message("Submodules are no longer implicitly imported (#18303)")
            .File("crates/nu-parser/src/parse_keywords.rs", 200, 130));
        var fix = Analyzed(CommitBuilder.Message("fix: the parser no longer crashes on empty input").File("crates/nu-parser/src/lex.rs", 6, 2));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Contains("defaults", analyzed.ReasonCodes());
        Assert.DoesNotContain("defaults", fix.ReasonCodes());
    }

    [Fact]
    public void An_advisory_id_in_the_body_makes_a_one_line_fix_a_security_fix()
    {
        var analyzed = Analyzed(CommitBuilder.Message("Fix heap buffer overflow when formatting an empty string\n\nFixes CVE-2025-48060.")
            .Diff("src/jv.c", "-  memcpy(s->data, data, len);", "+  memcpy(s->data, data, len); s->data[len] = 0;"));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Contains("CVE-2025-48060", analyzed.Importance.Reasons.Single(r => r.Code is "security" or "hardening").Detail);
    }

    [Fact]
    public void An_advisory_id_in_a_trailer_without_its_dash_makes_a_fix_a_security_fix()
    {
        var analyzed = Analyzed(CommitBuilder.Message("Ensure tls-crypt keys are not setup twice\n\nThe key is now checked directly.\n\nCVE: 2026-13698\nChange-Id: I3b5e4e8")
            .File("src/openvpn/ssl.c", 14, 6));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Contains("2026-13698", analyzed.Importance.Reasons.Single(r => r.Code is "security" or "hardening").Detail);
    }

    [Fact]
    public void A_projects_security_ticket_id_alone_makes_a_fix_a_security_fix()
    {
        var ticket = Analyzed(CommitBuilder.Message("[SECURITY-3315]").File("core/src/main/java/hudson/model/View.java", 9, 2));
        var word = Analyzed(CommitBuilder.Message("Link the security-3315 notes").File("core/src/main/java/hudson/model/View.java", 9, 2));

        Assert.Equal(ImportanceLevel.High, ticket.Importance.Level);
        Assert.Contains("SECURITY-3315", ticket.Importance.Reasons.Single(r => r.Code is "security" or "hardening").Detail);
        Assert.NotEqual(ImportanceLevel.High, word.Importance.Level);
    }

    [Fact]
    public void An_advisory_named_in_the_title_of_a_shipped_manifest_change_is_a_security_fix()
    {
        var chart = Analyzed(CommitBuilder.Message("Harden ACME Challenge and Order RBAC (GHSA-8rvj-mm4h-c258)\n\nRemove Challenge `create` from the edit role.")
            .File("deploy/charts/cert-manager/templates/rbac.yaml", 22, 2));
        var tidy = Analyzed(CommitBuilder.Message("Tidy the edit role's RBAC rules").File("deploy/charts/cert-manager/templates/rbac.yaml", 22, 2));

        Assert.Equal(ImportanceLevel.High, chart.Importance.Level);
        Assert.NotEqual(ImportanceLevel.High, tidy.Importance.Level);
    }

    [Fact]
    public void Security_among_the_areas_a_title_lists_says_security()
    {
        var analyzed = Analyzed(CommitBuilder.Message("[core,security] reject short server random").File("libfreerdp/core/connection.c", 8, 1));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
    }

    [Fact]
    public void Security_in_a_bumped_packages_name_is_no_security_fix()
    {
        var analyzed = Analyzed(CommitBuilder.Message("Update dependency org.springframework.security:spring-security-bom to v6.5.8 (#26312)")
            .File("bom/pom.xml", 1, 1));

        Assert.NotEqual(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.DoesNotContain("hardening", analyzed.ReasonCodes());
    }

    [Fact]
    public void A_moved_protocol_or_format_version_is_high()
    {
        var protocol = Analyzed(CommitBuilder.Message("chore: update LATEST_PROTOCOL_VERSION to 2025-11-25 (#1715)")
            .File("src/mcp/types.py", 2, 1).File("tests/test_types.py", 4, 2));
        var format = Analyzed(CommitBuilder.Message("db: mark rowblk-format sstables for compaction at new format version")
            .File("format_major_version.go", 60, 4).File("compaction.go", 40, 10));
        var release = Analyzed(CommitBuilder.Message("chore: update the version to 2025.11.25").File("src/mcp/types.py", 2, 1));

        Assert.Equal(ImportanceLevel.High, protocol.Importance.Level);
        Assert.Contains("LATEST_PROTOCOL_VERSION", protocol.Importance.Reasons.Single(r => r.Code == "format-version").Detail);
        Assert.Equal(ImportanceLevel.High, format.Importance.Level);
        Assert.DoesNotContain("format-version", release.ReasonCodes());
    }

    [Fact]
    public void A_bug_its_body_calls_a_non_security_bug_is_no_security_fix()
    {
        const string body = "\n\nThis issue was found during a security audit by NCC Group Cryptography Services, and was assessed and is being fixed as\na non-security bug.";
        var denied = Analyzed(CommitBuilder.Message("ssh/knownhosts: treat only ASCII space and tab as whitespace" + body).File("ssh/knownhosts/knownhosts.go", 12, 3));
        var claimed = Analyzed(CommitBuilder.Message("ssh/knownhosts: treat only ASCII space and tab as whitespace\n\nThis is a security bug.").File("ssh/knownhosts/knownhosts.go", 12, 3));

        Assert.DoesNotContain("security", denied.ReasonCodes());
        Assert.Equal(ImportanceLevel.Medium, denied.Importance.Level);
        var notA = Analyzed(CommitBuilder.Message("ssh/knownhosts: treat only ASCII space and tab as whitespace\n\nThis is not a security bug.").File("ssh/knownhosts/knownhosts.go", 12, 3));
        Assert.DoesNotContain("security", notA.ReasonCodes());
        Assert.Contains("security", claimed.ReasonCodes());
    }

    [Fact]
    public void A_fix_that_names_an_indentation_change_and_only_reindents_is_formatting()
    {
        var analyzed = Analyzed(CommitBuilder.Message("Fix indent")
            .Diff("deep_gemm/include/fp8_gemm.cuh", "-    if (a) {", "-      b();", "+  if (a) {", "+    b();"));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Contains("formatting", analyzed.ReasonCodes());
    }

    [Theory]
    [InlineData("2.9.0 (#35502)")]
    [InlineData("Set version post v2.12.0 release (#12345)")]
    [InlineData("Prepare release 2.12.0 (#12343)")]
    public void Release_bookkeeping_is_low(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title)
            .File("pydantic/version.py", 1, 1).File("CITATION.cff", 2, 2).File("HISTORY.md", 41, 0).File("ext/crypto/cipher.rs", 2, 2));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Contains("release-version", analyzed.ReasonCodes());
    }

    [Fact]
    public void Release_signatures_and_checksums_are_release_bookkeeping()
    {
        var analyzed = Analyzed(CommitBuilder.Message("Update signatures of 1.8.0 (#3331)")
            .Files(3, i => $"sig/v1.8.0/jq-linux-{i}.asc", 16).File("sig/v1.8.0/sha256sum.txt", 26));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
    }

    [Theory]
    // What a release's artefacts become: a platform, toolkit or version built or dropped, a new release workflow.
    [InlineData("feat(ci): add CUDA 13 wheel builds (#2239)", ".github/workflows/build-wheels-cuda.yaml", true)]
    [InlineData("release: remove riscv64 and powerpc64 artifacts", ".github/workflows/release.yml", true)]
    [InlineData("Build binary releases with systemd support (#1107)", ".github/workflows/call-build-linux-packages.yml", true)]
    [InlineData("Add GitHub Actions release workflow", ".github/workflows/release.yml", true)]
    // Publishing the docs, a workflow's action bumped, the dependency bots' settings.
    [InlineData("ci: deploy docs with GitHub Pages workflow (#725)", ".github/workflows/docs.yml", false)]
    [InlineData("chore(deps): update grafana/shared-workflows/azure-trusted-signing action to v1.0.2", ".github/workflows/release.yml", false)]
    [InlineData("Configure branch v1 to get security updates (#5864)", "renovate.json", false)]
    // How a release workflow runs, not what it builds.
    [InlineData("[CI] [Release] Make notify-prs best-effort with a retry (#4585)", ".github/workflows/release.yml", false)]
    [InlineData("fix(release): pass GH_TOKEN to release process for gh CLI auth", ".github/workflows/release.yml", false)]
    [InlineData("Fix GHA workflow for preparing release", ".github/workflows/release.yml", false)]
    [InlineData("Add workflow_dispatch trigger to release workflow", ".github/workflows/release.yml", false)]
    [InlineData("fix: allow retrying partial PyPI releases", ".github/workflows/release.yml", false)]
    public void A_ci_change_is_medium_only_when_it_changes_what_a_release_ships(string title, string path, bool ships)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File(path, 10, 4));

        Assert.Equal(ships ? ImportanceLevel.Medium : ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Equal(ships, analyzed.ReasonCodes().Contains("release-pipeline"));
    }

    [Theory]
    // A credential the product exposed.
    [InlineData("[FIXED] MQTT password exposed in JWT", true)]
    [InlineData("fix(proxy): stop logging the registry credentials of a failed login", true)]
    [InlineData("Fix the password prompt being printed twice", false)]
    // Access the product now requires.
    [InlineData("fix(fs): require write permission for creating opens", true)]
    [InlineData("Message tracing requires client publish permission for `Nats-Trace-Dest`", true)]
    [InlineData("fix: the tracing page requires a reload after the first request", false)]
    [InlineData("Restrict full web console URI to admins role (#2074)", true)]
    [InlineData("Restrict the color palette to the theme's accent colors", false)]
    // A severe danger named in a fix's body: the title of a security fix often says only what it changes.
    [InlineData("upstream: Fix multiple RFC 4462 (GSSAPIAuthentication) compliance\n\nproblems\n\n3) Fix a moderate pre-authentication resource DoS related to #2.", true)]
    [InlineData("upstream: fix ownership and lifetime of several bits of client\n\nstate: the cached hostkey was freed early on some paths, possibly allowing its use after free.", true)]
    // … not as the module the scope names, in a feature that describes a security tool, or as another word.
    [InlineData("fix(vulnerabilities): scope Go stdlib OSV remediation to the toolchain directive\n\nThe vulnerability lookup now reads the toolchain line.", false)]
    [InlineData("feat(audit): list the advisories of transitive packages\n\nLists every vulnerability with its advisory.", false)]
    [InlineData("fix: keep the DOS line endings of batch files\n\nWindows DOS scripts keep their CRLF.", false)]
    // A fix of access control credited to an outside reporter — not a credited ordinary bug, nor an unreported layout fix.
    [InlineData("properly bail out when PAM changes username\n\nWe were supposed to bail out here but dropped a return.\n\nReported by Mike Damm", true)]
    [InlineData("upstream: when downloading files as root in legacy (-O) mode and\n\nwithout -p, clear setuid/setgid bits from downloaded files.\n\nReported by Christos Papakonstantinou", true)]
    [InlineData("Tunnel: ignore request body\n\nThe body of a CONNECT request was read as the tunnel's first bytes.\n\nReported by Jan Prachař", false)]
    [InlineData("Fix the login page layout on narrow screens\n\nThe password field overflowed its column.", false)]
    [InlineData("src: use INET6_ADDRSTRLEN for IPv6 address buffer (#5135)\n\nThis is **not** a security fix. The existing code already bounds the size.", false)]
    // A fix its body calls security hardening; GitHub's advisory merge squashed with its pull request's number.
    [InlineData("lib: Make an exit condition in `storeAttributeValue` more defensive\n\nMeant as security hardening.", true)]
    [InlineData("Merge commit from fork (#15611)\n\n* Prevent HTTP request/response smuggling via chunk encoding", true)]
    [InlineData("fix: __proto__ pollution (#4885)", true)]
    // A bound on what the product parses, a bypass closed, a tighter sandbox.
    [InlineData("Limit the number of quoted escapes during multipart parsing", true)]
    [InlineData("Add Content-Length size check in Rack::Multipart::Parser", true)]
    [InlineData("Enforce client_max_size over entire multipart form (#11889)", true)]
    [InlineData("Limit number of chunks before pausing reading (#11894)", true)]
    [InlineData("Replace asserts with exceptions (#11897)", true)]
    // What comes over the wire, rejected or validated: request framing, chunk sizes, payloads, keys, origins.
    [InlineData("Reject invalid content-length v1 requests", true)]
    [InlineData("Forbid 0x/+/-/whitespace prefixes on HTTP chunk sizes (#1542)", true)]
    [InlineData("speedups: validate mask length", true)]
    [InlineData("Require RSA keys of minimum 2048 bits", true)]
    [InlineData("fix(jwks): enforce verification key metadata", true)]
    [InlineData("Validate origin in prerendered error page fetch against allowedDomains (#17033)", true)]
    // The developer's own input, or a verb that is the scope's name.
    [InlineData("Validate metrics log frequency before scheduling (#4232)", false)]
    [InlineData("fix(verify): Include database engine in request (#3522)", false)]
    // Decoding is a model's in an inference engine: a cap on its batch protects nothing.
    [InlineData("Cap the decode batch size during speculative decoding", false)]
    [InlineData("Fix `header_rules` bypass via URL-encoded paths.", true)]
    [InlineData("sandbox: deny all of $HOME except Homebrew dirs", true)]
    [InlineData("sandbox: log the profile it writes", false)]
    // Markup a title chooses to leave unescaped is no hole closed; unescaped output fixed is.
    [InlineData("Markdown: no trailing spaces after labels, English plurals, leave '!' unescaped", false)]
    [InlineData("Fix unescaped HTML in page titles", true)]
    // A runtime's permission system is its sandbox; a permission now checked is access closed.
    [InlineData("fix(permissions): run special-file guard for no-follow ops (#34393)", true)]
    [InlineData("fix(permissions): reword the prompt (#34400)", false)]
    [InlineData("fix(cli): check worker's own permissions for dynamic asset imports (#34707)", true)]
    [InlineData("Check edit permission on source page in \"copy page for translation\" action", true)]
    [InlineData("fix: check permissions in the integration tests", false)]
    // What a docs change prevents is the docs' own.
    [InlineData("Update all the documentation to prevent broken links everywhere (#9552)", false)]
    // The idioms of a security fix that name no danger word; a cap that names no stated bound protects nothing.
    [InlineData("fix: incomplete URL scheme check code scanning alert (#16392)", true)]
    [InlineData("make sure to validate signature unsigned trailer stream (#21103)", true)]
    [InlineData("fix: Ensure model name cannot be used to escape model repository (#8400)", true)]
    [InlineData("Cap width in strftime to 1024 characters", true)]
    [InlineData("Bound GGUF tensor data offsets against the file mapping (#4179)", true)]
    [InlineData("stats: cap stats prefix count at 2^16", false)]
    [InlineData("Validate paths and files when extracting archives", true)]
    [InlineData("fix: Improve input size validation for large HTTP JSON requests (#8432)", true)]
    [InlineData("fix(utils): replace getRandomValues with crypto module (#6788)", true)]
    [InlineData("Raise if a Git refspec starts with - as it is parsed as a CLI flag", true)]
    [InlineData("Fix open redirect in the login handler", true)]
    [InlineData("Compare tokens in constant time", true)]
    [InlineData("add overflow check in strdup/strndup", true)]
    [InlineData("guard against overflow in mi_wcsdup", true)]
    [InlineData("Check for overflow on uint16 sizes in pgproto3", true)]
    [InlineData("Reject nbits==0 ProductQuantizer on deserialization (T279464247) (#5483)", true)]
    [InlineData("Fix integer overflow warning in the benchmark", false)]
    // An integer overflow or underflow fixed in what parses input; a weakness named by its CWE id.
    [InlineData("in_syslog: fix integer overflow in octet-counting length parser", true)]
    [InlineData("Fix arithmetic overflows in IUP handling.", true)]
    [InlineData("Guard against underflow in calculating val.last_arg_offset in top dict processing. (#6180)", true)]
    [InlineData("Guard JSON conversion depth for CWE-674", true)]
    [InlineData("Use secure lookup comparer for CWE-407", true)]
    // A panic on malformed input is a denial of service; access the product now checks.
    [InlineData("fix: avoid panic on malformed tlog entries (#4649)", true)]
    [InlineData("snappy: read frame length as 3 bytes to avoid OOB at boundary", true)]
    [InlineData("Avoid reading outside activity_mem", true)]
    [InlineData("Add a max recursion depth guard to reverse_cursive_minor_offset()", true)]
    [InlineData("restrict inline footnote recursion depth.", true)]
    [InlineData("Zeroize the cached PBE password in CmsPbeKey with ZeroMemory", true)]
    [InlineData("Bound cut frame indices in MD5 camera loader (#6723)", true)]
    [InlineData("cap simple string length in RedisReply::ConsumePartialIOBuf (#3404)", true)]
    [InlineData("Improve robustness of script recursion depth handling", false)]
    [InlineData("zstd: add 100 MB decompression size limit", true)]
    [InlineData("tcp: apply CLOEXEC to accepted socket, not listener", true)]
    [InlineData("Fix host name verification in `SSLSocketManager` (#4002)", true)]
    [InlineData("fix(device): bind device-callback auth code to its request and stop leaking client_secret", true)]
    [InlineData("Replace eval() with olive.common.utils.get_attr() in extract_adapters.py (#2400)", true)]
    [InlineData("Inprocess: states and keys are serialized with json, not pickle", true)]
    [InlineData("feat: mitigate pickle cost (#1862)", false)]
    [InlineData("Lock down tuner API to be admin-only", true)]
    [InlineData("Fix admin API not applying sufficient page permission checks", true)]
    [InlineData("Only apply ETag header for documents after authentication has passed", true)]
    [InlineData("Fix response checks for admin API insufficient permission checks in tests", false)]
    [InlineData("ssh_exec: don't use sh for ssh execution\n\nThe command line may use user input (the remote path) so this may be vulnerable to command injection.", true)]
    public void A_security_fix_that_never_says_security_is_high(string message, bool security)
    {
        var analyzed = Analyzed(CommitBuilder.Message(message).File("src/server/auth.c", 20, 6));

        Assert.Equal(security, analyzed.ReasonCodes().Any(code => code is "hardening" or "security"));
        Assert.Equal(security, analyzed.Importance.Level == ImportanceLevel.High);
    }

    [Theory]
    [InlineData("Add syntax mapping for podman's `artifact` quadlet files", "src/syntax_mapping/builtins/linux.toml", 3, 0, false, true)]
    [InlineData("[CuTe] Add missing include for smem_ptr_flag_bits in print_tensor.hpp", "include/cute/util/print_tensor.hpp", 1, 0, false, true)]
    [InlineData("snappb: drop gogoproto.nullable", "server/storage/wal/walpb/record.proto", 1, 3, false, true)]
    [InlineData("Cleanup: remove obsolete code", "pkg/gui/controllers/helpers.go", 0, 12, false, true)]
    // A feature its author tested, one about a check or a capability, a removal of support: each still changes something.
    [InlineData("feat(etag): support conditional requests for the QUERY method", "src/middleware/etag/index.ts", 3, 1, true, false)]
    [InlineData("tool: add check for curlinfo->age when determining if ssh backend is libssh2", "src/tool_libinfo.c", 3, 0, false, false)]
    [InlineData("Drop vLLM 0.12 support", "trl/import_utils.py", 2, 6, false, false)]
    [InlineData("Add a retry budget for every upstream request", "src/upstream/retry.rs", 40, 2, false, false)]
    public void A_few_lines_that_add_a_detail_or_remove_housekeeping_are_trivial(string title, string path, int added, int deleted, bool tested, bool trivial)
    {
        var commit = CommitBuilder.Message(title).File(path, added, deleted);
        var analyzed = Analyzed(tested ? commit.File("tests/upstream.test.ts", 30, 0) : commit);

        Assert.Equal(trivial, analyzed.ReasonCodes().Contains("trivial"));
        Assert.Equal(trivial ? ImportanceLevel.Low : ImportanceLevel.Medium, analyzed.Importance.Level);
    }

    [Theory]
    [InlineData("fix(tracker): guard init_trackers and log against None kwargs", false)]
    [InlineData("Preserve `eager` keyword in `--dump` and `--fmt`", false)]
    [InlineData("server: fix duplicate 'is' typo in comment", true)]
    [InlineData("fix: typo in docstring", true)]
    // frp (2026-03-07): a subject that leads with the typos is about them, however many places it lists.
    [InlineData("fix: typos in comments, tests, functions (#5216)", true)]
    [InlineData("fix: log rotation drops the last lines of every file", false)]
    public void A_fix_is_trivial_only_when_its_title_is_about_the_trivial_edit(string title, bool trivial)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("src/tracking.py", 6, 2));

        Assert.Equal(trivial, analyzed.ReasonCodes().Contains("trivial"));
        Assert.Equal(trivial ? ImportanceLevel.Low : ImportanceLevel.Medium, analyzed.Importance.Level);
    }

    /// <summary>runc: "rootfs: avoid using os.Create for new device inodes" names no danger and no protective verb; its body
    /// tells what an attacker could do and calls it an exploit. One such word in a body is no hardening.</summary>
    [Theory]
    [InlineData("If an attacker were to make the target of a device inode creation be a symlink to some host path, os.Create would happily truncate the target. This exploit is probably not as exploitable as it looks.", true)]
    [InlineData("Shows the attacker's view in the threat-model page of the trainer UI and tidies the layout.", false)]
    public void A_body_that_names_two_unmistakable_dangers_tells_hardening(string body, bool hardening)
    {
        var analyzed = Analyzed(CommitBuilder.Message($"rootfs: avoid using os.Create for new device inodes\n\n{body}")
            .File("libcontainer/rootfs_linux.go", 20, 6).File("libcontainer/system/linux.go", 12, 2));

        Assert.Equal(hardening, analyzed.ReasonCodes().Contains("hardening"));
        Assert.Equal(hardening, analyzed.Importance.Level == ImportanceLevel.High);
    }

    [Theory]
    [InlineData("fix(models): rectangular causal mask for prefix KV caching\n\nThe mask covers the cached tokens and the new tokens.")]
    [InlineData("fix: prevent onoutroend from firing twice\n\nEvents forwarded to the parent fired twice.")]
    [InlineData("Fix Params4bit attribute access for FSDP state_dict traversal\n\nLets FSDP traverse the namespace; verify it with a test.")]
    public void A_protective_word_with_an_ordinary_word_of_the_body_is_no_hardening(string message)
    {
        var analyzed = Analyzed(CommitBuilder.Message(message).File("src/models/llama.rs", 20, 4));

        Assert.DoesNotContain("hardening", analyzed.ReasonCodes());
        Assert.DoesNotContain("security", analyzed.ReasonCodes());
    }

    [Fact]
    public void A_protective_title_with_an_unmistakable_danger_in_the_body_is_hardening()
    {
        var analyzed = Analyzed(CommitBuilder.Message("Add URL redaction for embedded messages\n\nExternal tools can embed credential-bearing URLs in error text, bypassing the display redaction.")
            .File("crates/uv-redacted/src/lib.rs", 40, 6));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Contains("hardening", analyzed.ReasonCodes());
    }

    [Theory]
    [InlineData("Revert \"fix: fix the broken tests.\"")]
    [InlineData("fix broken CI on macOS")]
    public void A_broken_test_or_build_is_no_severe_fix(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("src/parser.rs", 20, 20));

        Assert.DoesNotContain("severe-fix", analyzed.ReasonCodes());
        Assert.NotEqual(ImportanceLevel.High, analyzed.Importance.Level);
    }

    [Fact]
    public void A_version_in_backticks_is_a_release_version()
    {
        var analyzed = Analyzed(CommitBuilder.Message("[FLA] Bump version to `0.5.2`").File("fla/__init__.py", 1, 1));

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Equal("release version 0.5.2", analyzed.Reason("release-version").Detail);
    }

    [Theory]
    [InlineData("CVE-2026-4480/CVE-2026-4408: lib/util: split out realloc_string_sub_raw()")]
    [InlineData("CVE-2026-4480/CVE-2026-4408: lib/util: inline string_sub2() into string_sub() the only caller")]
    [InlineData("CVE-2026-4408: s3:torture: tests for password complexity scripts")]
    [InlineData("CVE-2026-4408: lib/util: introduce strstr_for_invalid_account_characters()")]
    [InlineData("CVE-2026-4408: s3:samr-server: make check_password_complexity_internal() non-static, for easier testing")]
    public void A_step_of_an_advisory_series_is_no_security_fix(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("lib/util/substitute.c", 30, 12));

        Assert.NotEqual(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.DoesNotContain("security", analyzed.ReasonCodes());
        Assert.DoesNotContain("hardening", analyzed.ReasonCodes());
    }

    [Theory]
    [InlineData("CVE-2026-4408: s3:samr-server: deny, mask and/or single quote username to 'check password script'")]
    [InlineData("CVE-2026-58224: ctdb-daemon: Avoid out of bounds data access")]
    [InlineData("CVE-2026-3012: do not fetch certificate over http")]
    public void The_fix_of_an_advisory_series_is_high(string title)
    {
        var analyzed = Analyzed(CommitBuilder.Message(title).File("source3/rpc_server/samr/srv_samr_chgpasswd.c", 30, 12));

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
    }
}
