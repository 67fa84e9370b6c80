using Gitbrief.Analysis;

namespace Gitbrief.Tests.Analysis;

/// <summary>Kinds of work the ranking reads from the diff and the title, whatever the repository (docs/importance.md,
/// "Signals"): what they do to the level a reader sees, and the reason shown.</summary>
public sealed class WorkKindTests
{
    [Fact]
    public void A_fix_of_documentation_written_inside_the_code_is_low()
    {
        var analyzed = CommitBuilder.Message("Fix `Date.range/2` doc: step is `range/3`'s third argument (#15557)")
            .Diff("lib/elixir/lib/calendar/date.ex",
                "-  Returns a range of dates where step is the second argument.",
                "+  Returns a range of dates where step is the third argument of `range/3`.")
            .Analyze();

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Equal("the code changes only in comments and documentation", analyzed.Reason("comments").Detail);
    }

    [Theory]
    [InlineData("src/pool.rs", "-/// Returns the pool.", "+/// Returns the pool, created on first use.")]
    [InlineData("src/pool.c", "- * Frees the pool.", "+ * Frees the pool and its buffers.")]
    [InlineData("lib/registry.ex", "-  @spec lock(term) :: :ok", "+  @spec lock(registry, term) :: :ok")]
    [InlineData("pool.py", "-# returns the pool", "+# Returns the pool.")]
    public void Comment_lines_of_each_language_count_as_documentation(string path, string removed, string added)
    {
        var analyzed = CommitBuilder.Message("Improve the pool").Diff(path, removed, added).Analyze();

        Assert.Contains("comments", analyzed.ReasonCodes());
        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
    }

    [Fact]
    public void A_changed_line_of_code_beside_the_comments_keeps_the_fix_a_fix()
    {
        var analyzed = CommitBuilder.Message("fix: keep the last frame")
            .Diff("src/stream.rs", "-/// Drops the last frame.", "+/// Keeps the last frame.", "-    frames.pop();")
            .Analyze();

        Assert.DoesNotContain("comments", analyzed.ReasonCodes());
        Assert.NotEqual(ImportanceLevel.Low, analyzed.Importance.Level);
    }

    [Fact]
    public void A_line_of_code_with_a_trailing_block_comment_is_code()
    {
        var entry = CommitBuilder.Message("Add GCONV_PATH to initial_badenv_table[]")
            .Diff("plugins/sudoers/env.c", "+    \"GCONV_PATH\",\t\t/* glibc generic char set conversion iface */")
            .Analyze();
        var closing = CommitBuilder.Message("Explain the table")
            .Diff("plugins/sudoers/env.c", "+     * variables a command must never inherit */")
            .Analyze();

        Assert.DoesNotContain("comments", entry.ReasonCodes());
        Assert.Contains("comments", closing.ReasonCodes());
    }

    [Fact]
    public void A_line_moved_out_of_a_block_is_not_formatting_when_the_title_claims_a_fix()
    {
        var analyzed = CommitBuilder.Message("Fix fence tracking for donated dynamic slice offsets")
            .Diff("mlx/backend/metal/slicing.cpp", "+    encoder.add_temporary(offset);", "-  encoder.add_temporary(offset);")
            .Analyze();

        Assert.DoesNotContain("formatting", analyzed.ReasonCodes());
        Assert.Equal("formatting", CommitBuilder.Message("Reindent the slicing kernel")
            .Diff("mlx/backend/metal/slicing.cpp", "-  encoder.add_temporary(offset);", "+    encoder.add_temporary(offset);")
            .Analyze().ReasonCodes().Single(c => c is "formatting"));
    }

    [Fact]
    public void A_commit_whose_lines_were_not_read_is_never_taken_for_comments()
    {
        var analyzed = CommitBuilder.Message("Fix `Date.range/2` doc").File("lib/elixir/lib/calendar/date.ex", 1, 1).Analyze();

        Assert.DoesNotContain("comments", analyzed.ReasonCodes());
    }

    [Theory]
    [InlineData("Inline RequestCommon (#8806)", "inline")]
    [InlineData("chore: Deduplicate distributed all-reduce (#4144)", "deduplicate")]
    [InlineData("[ty] Simplify script metadata query (#27121)", "simplify")]
    [InlineData("Consolidate project-index resolution helpers into ProjectIndexHelp", "consolidate")]
    [InlineData("proto: Factor out DatagramConnectionEvent", "factor out")]
    [InlineData("trailer: libify a couple of functions", "libify")]
    [InlineData("incusd/images: Split pruneExpiredImage into its own function", "split")]
    [InlineData("Move device context to separate module", "move")]
    [InlineData("Polishing contribution", "polishing")]
    [InlineData("Polish 'lms ps' when no models loaded", "polish")]
    public void A_refactor_a_reviewer_reads_in_one_go_is_low(string title, string verb)
    {
        var analyzed = CommitBuilder.Message(title).File("src/request.kt", 150, 140).Analyze();

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Equal($"internal refactor ({verb}), nothing a user notices", analyzed.Reason("refactor").Detail);
    }

    [Theory]
    [InlineData("Inline RequestCommon (#8806)", 500, 400)]
    // A move that is the change: a public type moves to another package.
    [InlineData("Move VolumeNameGenerator to Aspire.Hosting (#7464)", 150, 118)]
    [InlineData("refactor(core): memory usage to handle discrete/unified systems better (#2143)", 150, 118)]
    public void A_large_refactor_or_one_that_states_a_purpose_is_not_dismissed(string title, int additions, int deletions)
    {
        var analyzed = CommitBuilder.Message(title).File("src/request.kt", additions, deletions).Analyze();

        Assert.DoesNotContain("refactor", analyzed.ReasonCodes());
    }

    [Theory]
    [InlineData("test1668: unit test the FTP 213 time response parser")]
    [InlineData("test: update content length for chokidar polling watcher (#22816)")]
    [InlineData("TEST：Add H Prefix Cache Test")]
    public void A_title_that_says_tests_is_low_even_when_it_touches_code(string title)
    {
        var analyzed = CommitBuilder.Message(title).File("lib/ftp.c", 20, 4).File("tests/unit/test1668.c", 180).Analyze();

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Contains("tests", analyzed.ReasonCodes());
    }

    [Theory]
    [InlineData("vulkan: fix data race in mul_mat_id shader (llama/19790)", "vulkan")]
    [InlineData("fix the crash of meta-llama/Llama-3.2-1B (#2918)", "Llama-3.2-1B")]
    [InlineData("Fix segfault in the MoE path on Ampere/Ada GPUs", "Ampere")]
    [InlineData("linalg: fix the crash of the LinearCostModel on cortex-a53", "cortex-a53")]
    [InlineData("Fix wrong results of the NEON matmul kernel", "NEON")]
    public void A_crash_fix_for_one_hardware_target_or_model_family_is_medium(string title, string target)
    {
        var analyzed = CommitBuilder.Message(title).File("src/kernels/mul_mat.cpp", 8, 2).Analyze();

        Assert.Equal(ImportanceLevel.Medium, analyzed.Importance.Level);
        Assert.Equal($"confined to one hardware target, platform or model ({target})", analyzed.Reason("target").Detail);
    }

    [Fact]
    public void Dropping_a_supported_protocol_is_high_but_raising_a_minimum_version_is_not()
    {
        var removal = CommitBuilder.Message("rtmp: drop support").File("lib/curl_rtmp.c", 0, 620).File("lib/url.c", 12, 40).Analyze();
        var minimum = CommitBuilder.Message("lib: drop support for < c-ares 1.16.0").File("lib/asyn-ares.c", 30, 270).Analyze();

        Assert.Equal(ImportanceLevel.High, removal.Importance.Level);
        Assert.Contains("removal", removal.ReasonCodes());
        Assert.NotEqual(ImportanceLevel.High, minimum.Importance.Level);
        Assert.DoesNotContain("removal", minimum.ReasonCodes());
    }

    [Theory]
    [InlineData("remove functionality deprecated in PyO3 0.27 (#6068)")]
    [InlineData("Delete all deprecated load_* methods. (#25444)")]
    [InlineData("rtmp: drop support (#16402)")]
    public void Removing_what_was_deprecated_from_the_core_is_high_when_it_takes_out_a_real_part_of_it(string title)
    {
        var large = CommitBuilder.Message(title).File("src/instance.rs", 3, 420).File("src/conversion.rs", 2, 160).Analyze();
        var small = CommitBuilder.Message(title).File("src/instance.rs", 1, 24).Analyze();

        Assert.Equal(ImportanceLevel.High, large.Importance.Level);
        Assert.Contains("removal", large.ReasonCodes());
        Assert.NotEqual(ImportanceLevel.High, small.Importance.Level);
    }

    [Theory]
    [InlineData("Merge commit from fork", "", "GitHub security advisory")]
    [InlineData("server: avoid O(n^2) body accumulation in HTTP listener", "", "O(n^2)")]
    [InlineData("Improve regex performance (#11885)", "", "regex performance")]
    [InlineData("Fix exponential time in glob matching with many stars", "", "exponential time")]
    [InlineData("progress: count amount of data \"delivered\" to application",
        "... and apply the CURLOPT_MAXFILESIZE limit on that as well.\nThis effectively protects the user against \"zip bombs\".", "protects the user against")]
    public void Security_fixes_that_never_say_security_are_high(string title, string body, string evidence)
    {
        var message = body.Length == 0 ? title : title + "\n\n" + body;
        var analyzed = CommitBuilder.Message(message).File("lib/transfer.c", 60, 12).Analyze();

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Contains(evidence, analyzed.Reason("hardening").Detail, StringComparison.Ordinal);
    }

    /// <summary>pingora: "fix: bump prometheus to fix sec vuln" is a security fix however short its words; a CI job that
    /// scans for vulnerabilities is not one.</summary>
    [Fact]
    public void A_bump_that_fixes_a_vuln_is_a_security_fix_but_a_vuln_scan_is_not()
    {
        var bump = CommitBuilder.Message("fix: bump prometheus to fix sec vuln").File("pingora-core/Cargo.toml", 1, 1).File("pingora-proxy/Cargo.toml", 1, 1).File("Cargo.lock", 12, 12).Analyze();
        var scan = CommitBuilder.Message("increase timeout for vuln scan").File("src/scanner/run.py", 2, 2).Analyze();

        Assert.Equal(ImportanceLevel.High, bump.Importance.Level);
        Assert.Contains(bump.Importance.Reasons, r => r.Code is "security" or "hardening");
        Assert.DoesNotContain(scan.Importance.Reasons, r => r.Code is "security" or "hardening");
    }

    /// <summary>vllm-gaudi: "(exponential)" names a bucketing strategy and "exponential backoff" a retry policy, not the
    /// cost of handling input an attacker chooses.</summary>
    [Theory]
    [InlineData("Clamp decode block buckets to physical KV cache size (exponential) (#1700)")]
    [InlineData("[Misc] Add exponential backoff to provisioning failure. (#2319)")]
    public void Exponential_as_a_strategy_is_no_denial_of_service(string title)
    {
        var analyzed = CommitBuilder.Message(title).File("vllm_gaudi/bucketing.py", 80, 30).Analyze();

        Assert.DoesNotContain(analyzed.Importance.Reasons, r => r.Code is "hardening" or "security");
        Assert.NotEqual(ImportanceLevel.High, analyzed.Importance.Level);
    }

    [Fact]
    public void A_fix_whose_body_names_a_use_after_free_is_high()
    {
        var analyzed = CommitBuilder.Message("Avoid duplicate subrequest finalization\n\nPreviously, if a subrequest was posted twice, it could be "
                + "finalized in both calls, potentially leading to a use-after-free.")
            .File("src/http/ngx_http_request.c", 10, 2)
            .Analyze();

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        // A memory-safety danger the body of a fix names is a security fix.
        Assert.Contains("use-after-free", analyzed.Reason("security").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_perf_micro_optimisation_is_low_but_a_stated_speed_up_is_not()
    {
        var micro = CommitBuilder.Message("perf(context): iterate the header record with for..in (#5118)").File("src/context.ts", 2, 1).Analyze();
        var measured = CommitBuilder.Message("perf: O(n²)→O(n) Map lookups for legacy reactive statements (#18602)").File("src/compiler/phases.js", 10, 6).Analyze();

        Assert.Equal(ImportanceLevel.Low, micro.Importance.Level);
        Assert.Contains("refactor", micro.ReasonCodes());
        Assert.DoesNotContain("refactor", measured.ReasonCodes());
        Assert.NotEqual(ImportanceLevel.Low, measured.Importance.Level);
    }

    [Theory]
    [InlineData("Fix lints")]
    [InlineData("fix: silence `clippy::implicit_clone` in `TypedPath` macro expansions (#3663)")]
    [InlineData("ggml : fix arm builds, unused var (llama/26991)")]
    [InlineData("Fix -Wuninitialized-const-pointer for evwatch_check_cb_info\n\nThe placeholder struct was left uninitialized.")]
    [InlineData("[Misc]Fix static analysis issues (#561)")]
    [InlineData("lib/mount_util: fix cppcheck warnings")]
    [InlineData("Fix up PHPStan issue.")]
    [InlineData("log-pcap: address gcc analyzer warnings")]
    [InlineData("pkcs11: Avoid some conversion warnings")]
    [InlineData("robin hood: resolve warning on new clang (#44)")]
    [InlineData("fix: work around rust nightly warning on eyre bail (#3680)")]
    [InlineData("user_mailer_env: Quiet dead code warning in bounds check")]
    [InlineData("Core: Remove javadoc warnings")]
    [InlineData("Fix pkl spotless (#1279)")]
    [InlineData("Fix Checkstyle & remove unused fields")]
    [InlineData("Fix rustfmt")]
    public void A_lint_or_warning_fix_is_trivial(string title)
    {
        var analyzed = CommitBuilder.Message(title).File("helix-core/src/indent.rs", 14, 9).Analyze();

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Contains("trivial", analyzed.ReasonCodes());
    }

    /// <summary>kitty: "autoformat c/objc code, using clang-format" over 165 files and 53,137 lines was the first highlight of
    /// its day. A formatter run changes layout at any size; a commit that reformats data does not say so.</summary>
    [Theory]
    [InlineData("autoformat c/objc code, using clang-format", true)]
    [InlineData("Autoformat with ruff", true)]
    [InlineData("Ruff auto-format (#6422)", true)]
    [InlineData("black formatting", true)]
    [InlineData("clang-format: reformat src/ and include/", true)]
    [InlineData("Reformat grad_output if it's not channels last. (#1837)", false)]
    // A `style:` commit is formatting unless its title claims behaviour (git-cliff, 2025-07-27).
    [InlineData("style(formatting): use spaces instead of tabs (#1184)", true)]
    [InlineData("style(fmt): various cleanups (#3698)", true)]
    [InlineData("style: fix crash when the palette is empty", false)]
    public void A_formatter_run_is_low_at_any_size(string title, bool formatting)
    {
        var analyzed = CommitBuilder.Message(title).Files(60, i => $"kitty/file{i}.c", 400, 380).Analyze();

        Assert.Equal(formatting, analyzed.ReasonCodes().Contains("formatting"));
        Assert.Equal(formatting, analyzed.Importance.Level == ImportanceLevel.Low);
    }

    /// <summary>renovate: "fix(config-validator): Allow warnings to flush before process.exit" lets the warnings users read
    /// reach them; a warning shown, printed or surfaced is behaviour, not a warning silenced.</summary>
    [Theory]
    [InlineData("fix(config-validator): Allow warnings to flush before process.exit (#43327)")]
    [InlineData("Fix the warning torch_dtype is deprecated")]
    public void A_fix_that_lets_warnings_reach_users_is_no_warning_fix(string title)
    {
        var analyzed = CommitBuilder.Message(title).File("lib/workers/global/config/validator.ts", 14, 9).Analyze();

        Assert.DoesNotContain("trivial", analyzed.ReasonCodes());
        Assert.NotEqual(ImportanceLevel.Low, analyzed.Importance.Level);
    }

    [Fact]
    public void A_fix_in_a_cop_named_Lint_is_no_lint_fix()
    {
        var analyzed = CommitBuilder.Message("Fix Lint/ConstantReassignment error on built-in constant names").File("lib/rubocop/cop/lint/constant_reassignment.rb", 14, 9).Analyze();

        Assert.DoesNotContain("trivial", analyzed.ReasonCodes());
    }

    [Theory]
    [InlineData("[maven-release-plugin] prepare release netty-4.2.5.Final", "4.2.5.Final")]
    [InlineData("[maven-release-plugin] prepare for next development iteration", "(next development iteration)")]
    public void The_maven_release_plugins_commits_are_release_bumps(string title, string version)
    {
        var analyzed = CommitBuilder.Message(title).File("pom.xml", 2, 2).File("codec-http/pom.xml", 2, 2).File("transport/pom.xml", 2, 2).Analyze();

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Contains(version, analyzed.Reason("release-version").Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Add cross-platform 1DS telemetry to the compiled library (opt-out) (#2293)", true)]
    [InlineData("Add opt-in usage telemetry to the compiled library", false)]
    public void Telemetry_collected_unless_users_opt_out_changes_a_default_for_everyone(string title, bool high)
    {
        var analyzed = CommitBuilder.Message(title).File("src/telemetry/collector.cpp", 420, 0).File("src/models/model.cpp", 30, 2).Analyze();

        Assert.Equal(high, analyzed.Importance.Level == ImportanceLevel.High);
        Assert.Equal(high, analyzed.ReasonCodes().Contains("defaults"));
    }

    /// <summary>phoenix_live_view's "Update assets": the bundles rebuilt beside their source maps and minified copies.</summary>
    [Fact]
    public void A_bundle_rebuilt_with_its_source_map_or_minified_copy_is_generated()
    {
        var rebuilt = CommitBuilder.Message("Update assets")
            .File("priv/static/phoenix_live_view.esm.js", 55, 20).File("priv/static/phoenix_live_view.esm.js.map", 2, 2)
            .File("priv/static/phoenix_live_view.js", 55, 20).File("priv/static/phoenix_live_view.min.js", 7, 7).Analyze();
        var written = CommitBuilder.Message("Update assets").File("priv/static/phoenix_live_view.js", 55, 20).Analyze();

        Assert.All(rebuilt.Files, f => Assert.Equal(FileRole.Generated, f.Role));
        Assert.Equal(ImportanceLevel.Low, rebuilt.Importance.Level);
        Assert.Equal(FileRole.Source, Assert.Single(written.Files).Role);
        Assert.NotEqual(ImportanceLevel.Low, written.Importance.Level);
    }

    [Theory]
    [InlineData("clang: Add clang format file (#344)", ".clang-format", 120, 0)]
    [InlineData("Fix .gitignore paths after examples moved to docs/examples", ".gitignore", 3, 3)]
    public void A_change_of_the_repositorys_developer_tools_is_low(string title, string path, int added, int deleted)
    {
        var analyzed = CommitBuilder.Message(title).File(path, added, deleted).Analyze();

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
    }

    [Theory]
    [InlineData("chore: add license header to brixbench files (#2315)", true)]
    [InlineData("fix typing", true)]
    [InlineData("fix(strategies): correct `device_mesh` type hint in FSDP strategies (#21581)", true)]
    [InlineData("fix lints on rust 1.89 (#4587)", true)]
    // Unused code removed, a dead-code warning fixed; not a capability that goes with it.
    [InlineData("Removed unused code.", true)]
    [InlineData("fix(agent): remove unused get_variable_names function (#1784)", true)]
    [InlineData("fix dead_code warning", true)]
    [InlineData("unused import [1/n] (#3412)", true)]
    [InlineData("unused imports detection in the linter", false)]
    // Compiler warnings by their kind or in the plural; a warning a user sees is no lint.
    [InlineData("Fixed implicit int conversion warnings [skip ci]", true)]
    [InlineData("avifgainmaputil: Fix MSVC type conversion warnings", true)]
    [InlineData("Fixed some warnings.", true)]
    [InlineData("Fix the warning printed when loading a model", false)]
    [InlineData("Fix code style", true)]
    [InlineData("Fix CS/WS issue", true)]
    // Style or formatting as the whole title; not the style of something a user sees.
    [InlineData("fix style", true)]
    [InlineData("fix: formatting issues", true)]
    [InlineData("Fix tooltip style in dark mode", false)]
    // The repository's pre-commit checks are its lint tooling; a product's support for pre-commit is not.
    [InlineData("Fixing pre-commit issue from embedding_kernel (#3409)", true)]
    [InlineData("[pre-commit.ci] pre-commit autoupdate (#1741)", true)]
    [InlineData("feat: add pre-commit support for uv.lock files", false)]
    // A linter's rules adopted or enforced over the code: lint, whatever the diff's size; not a linter's own feature.
    [InlineData("Enforce ruff/flynt rules (FLY) (#10375)", true)]
    [InlineData("chore: add the ruff SIM checks (#966)", true)]
    [InlineData("Switch to Ruff (#4119)", true)]
    [InlineData("Add a ruff-compatible output format to the checker", false)]
    // A code cleanup says it changes nothing that runs; cleaning up what the product cleans is behaviour.
    [InlineData("Code cleanup for micronaut-aop (#11016)", true)]
    [InlineData("clean code", true)]
    [InlineData("Code Quality fix [E721] [2/n] (#3411)", true)]
    // "Code Quality:" before a subject is a category, as a scope is (files-community/Files, 2026-08-20): the subject says what changed.
    [InlineData("Code Quality: Fixed a crash when a move completed while no folder was loaded", false)]
    [InlineData("fix: clean up stale sockets on restart", false)]
    // "fix(…):" is the commit's type, not a fix of the warnings or linter its subject names: a linter's own rule fixed
    // (typescript-eslint, 2026-08-18), a deprecation warning added (mongoose), chip select re-asserted (betaflight).
    [InlineData("fix(eslint-plugin): [return-await] prevent autofix from breaking code in arrow-functions (#12707)", false)]
    [InlineData("fix(query): add deprecation warning when using `returnOriginal` or `new`", false)]
    [InlineData("fix(spi): re-assert CS when repeating a DMA segment (#15478)", false)]
    [InlineData("fix(core): lint warning in `decode.rs`", true)]
    // "CS" is coding style in capitals only: a fix of a cs (C#) generator changes what it generates.
    [InlineData("fix cs generator for nested enums", false)]
    [InlineData("Fix BodyPipe debugging in handleChunkedRequestBody() (#2224)", true)]
    [InlineData("Fix crash when debugging SNMP requests with long OIDs", false)]
    [InlineData("fix: renderer: remove unused repaint functionality", false)]
    [InlineData("Fix typos (#12705)", true)]
    [InlineData("dev: fix linting", true)]
    // Annotations modernised or lint markers dropped across the tree change nothing that runs.
    [InlineData("*: Update type annotations to use python 3.10 features", true)]
    [InlineData("*: Rewrite typing imports to use their new (3.9+) locations", true)]
    [InlineData("Modernise all type comments", true)]
    // Type hints added, type-checker issues fixed: still annotations ("Fix cffi type issues again").
    [InlineData("Add missing type hints to WorkerIdle and listenForSignals (#60389)", true)]
    [InlineData("New type hints for set_device_idx", true)]
    [InlineData("Fix cffi type issues again", true)]
    [InlineData("Fix some perforce type issues", true)]
    // The type checker named: its errors fixed, re-enabled, understood.
    [InlineData("fix: resolve all strict mypy errors across crewai-tools package", true)]
    [InlineData("Re-enable mypy with simple non-runtime fixes", true)]
    [InlineData("Ensure type-checker understands use of Submodules in MTP (#3308)", true)]
    [InlineData("*: Remove obsolete noqa comments", true)]
    [InlineData("Update type annotations and retry failed uploads", false)]
    // A type that is behaviour, not an annotation: the fix still changes what runs.
    [InlineData("fix: preserve renderer type in copy() during SSR (#18616)", false)]
    [InlineData("Add a type option to the upload command", false)]
    [InlineData("Fix type stub", true)]
    // Typing hints replaced by a newer syntax (ignite, 2026-02-28), annotations added that compile to nothing (libwebp's
    // bounds-safety series, 2025-08-14); not a compiler's fix that copies the user's annotations (crystal).
    [InlineData("Replace typing module hints with modern syntax in metrics/nlp (#3599)", true)]
    [InlineData("replace typing hints in `ignite/distributed/auto.py` (#3558)", true)]
    [InlineData("Add fbounds-safety annotations for `VP8BitWriter`.", true)]
    [InlineData("Fix: Copy annotations in `Crystal::Def#expand_default_arguments`", false)]
    // A tool made happy, a linter satisfied (calibre's "Make CodeQL happy", 2025-09-15).
    [InlineData("Make CodeQL happy", true)]
    [InlineData("Make staticcheck happy again", true)]
    [InlineData("fix: satisfy mypy 2.3.0 [deprecated] and [unreachable] checks", true)]
    [InlineData("Make the upload dialog happy with large files", false)]
    public void Headers_annotations_and_lints_are_trivial_at_any_size(string title, bool trivial)
    {
        var analyzed = CommitBuilder.Message(title).File("src/runner/main.py", 40, 25).File("src/runner/bench.py", 12, 8).Analyze();

        Assert.Equal(trivial, analyzed.ReasonCodes().Contains("trivial"));
        Assert.Equal(trivial, analyzed.Importance.Level == ImportanceLevel.Low);
    }

    [Theory]
    [InlineData("Fix linter errors", true)]
    // A second change beside the lint fix is judged as that change.
    [InlineData("fix lint and enable routed API proxy (#1882)", false)]
    // The places a fix is made in are one change, however many it lists.
    [InlineData("fix: resolve compiler warnings in IO, result handlers, and misc impl (#4936)", true)]
    [InlineData("*: Update type annotations to use Python 3.9 features", true)]
    [InlineData("Update type annotations and retry failed uploads", false)]
    [InlineData("Address offenses", true)]
    [InlineData("Strict concurrency for the chat examples (#3104)", true)]
    // Filed under a linter: what the linter asked for, however it is worded.
    [InlineData("lint: narrow types to ensure correct usage (#17519)", true)]
    [InlineData("clippy: allow missing_const_for_thread_local false positives", true)]
    [InlineData("clang-tidy: remove unused headers", true)]
    // An area named like a linter's word is not one: jiff's fmt module.
    [InlineData("fmt: add unsigned integer formatting", false)]
    public void A_lint_fix_alone_is_trivial_at_any_size(string title, bool trivial)
    {
        var analyzed = CommitBuilder.Message(title).File("server/etcdserver/server.go", 600, 580).File("client/v3/client.go", 300, 290).Analyze();

        Assert.Equal(trivial, analyzed.ReasonCodes().Contains("trivial"));
    }

    [Theory]
    [InlineData("Fix phar compilation", "src/Composer/Compiler.php", true)]
    [InlineData("grpc: fix plan9 build by moving errno matching to a !plan9 file (#9255)", "internal/syscall/errno.go", true)]
    [InlineData("Fix: Win32 build failure when paths contain spaces (#2053)", "cmake/symbols.cmake", true)]
    [InlineData("fix merge conflict problems", "core/translate/main_loop.rs", true)]
    [InlineData("[BUG]  Merge conflict broke main.  ChromaClientError was renamed. (#5701)", "chromadb/api/client.py", true)]
    [InlineData("Resolve merge issue", "Sources/ComposableArchitecture/Store.swift", true)]
    // A product that builds or compiles for its users: its builds are its behaviour.
    [InlineData("Fix slow incremental builds (especially on Windows) (#17511)", "crates/oxide/src/scanner.rs", false)]
    [InlineData("Fix compiling queries that use orderByRaw with expressions (#57228)", "src/Illuminate/Database/Query/Grammars/Grammar.php", false)]
    public void A_fix_of_the_projects_own_build_is_low(string title, string path, bool buildFix)
    {
        var analyzed = CommitBuilder.Message(title).File(path, 30, 12).Analyze();

        Assert.Equal(buildFix, analyzed.ReasonCodes().Contains("build-fix"));
        Assert.Equal(buildFix, analyzed.Importance.Level == ImportanceLevel.Low);
    }

    [Fact]
    public void A_cve_fixed_by_raising_a_requirement_is_high()
    {
        var analyzed = CommitBuilder.Message("fix CVE-2025-50460: https://github.com/Anchor0221/CVE-2025-50460 (#5174)")
            .File("requirements/framework.txt", 1, 0).File("tests/run.py", 1, 1).Analyze();

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
        Assert.Contains("CVE-2025-50460", analyzed.Reason("security").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fix_scoped_to_the_docs_is_wording()
    {
        var analyzed = CommitBuilder.Message("fix(docs): update eval example (#2236)").File("src/lerobot/scripts/lerobot_eval.py", 2, 2).Analyze();

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Contains("wording", analyzed.ReasonCodes());
    }

    [Theory]
    [InlineData("Fixes from reviews")]
    [InlineData("fix: apply CR comments")]
    [InlineData("Apply suggestions from code review")]
    [InlineData("follow suggestions and fix it")]
    public void Fixes_from_review_are_a_follow_up(string title)
    {
        var analyzed = CommitBuilder.Message(title).File("src/guidellm/scheduler.py", 70, 60).Analyze();

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Contains("follow-up", analyzed.ReasonCodes());
    }

    [Theory]
    [InlineData("src/requests/_types.py", true)]
    [InlineData("src/requests/sessions.py", false)]
    public void A_fixed_type_is_an_annotation_beside_a_file_of_type_declarations(string path, bool trivial)
    {
        var analyzed = CommitBuilder.Message("sessions: fix hooks type (#7425)").File(path, 1, 1).File("src/requests/adapters.py", 10, 4).Analyze();

        Assert.Equal(trivial, analyzed.ReasonCodes().Contains("trivial"));
    }

    [Theory]
    [InlineData("Complete PIP_CONSTRAINT build-environment deprecation (#14094)", "news/14094.removal.rst", 3, 0, true)]
    [InlineData("Use decompressor max_length parameter (#11898)", "CHANGES/11898.breaking.rst", 4, 0, true)]
    // Towncrier files a deprecation under "removal" too; a release deletes the fragments it collects.
    [InlineData("Deprecate the legacy resolver (#14001)", "news/14001.removal.rst", 2, 0, false)]
    [InlineData("Release 26.2 (#14120)", "news/14094.removal.rst", 0, 3, false)]
    public void A_news_fragment_of_a_removal_or_break_marks_a_breaking_change(string title, string fragment, int added, int deleted, bool breaking)
    {
        var analyzed = CommitBuilder.Message(title).File(fragment, added, deleted).File("src/pip/_internal/build_env.py", 60, 40).Analyze();

        Assert.Equal(breaking, analyzed.ReasonCodes().Contains("breaking"));
        Assert.Equal(breaking, analyzed.Importance.Level == ImportanceLevel.High);
    }

    [Theory]
    [InlineData("Version Packages (#18640)")]
    [InlineData("release: version packages (#6469)")]
    [InlineData("ci: Version Packages (#10191)")]
    // Fable's release tool (2026-07-09): several packages released at once, none named.
    [InlineData("chore: release multiple projects (#4726)")]
    // reactor-core (2025-03-11): a failed release attempt, and its revert, move only the version.
    [InlineData("[release] Prepare and release 3.7.4")]
    [InlineData("Revert \"[release] Prepare and release 3.7.4\"")]
    public void The_changesets_release_pull_request_is_a_release_bump(string title)
    {
        var analyzed = CommitBuilder.Message(title)
            .File("packages/svelte/package.json", 1, 1).File("packages/svelte/CHANGELOG.md", 40).File("packages/svelte/src/version.js", 1, 1)
            .Analyze();

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Contains("release-version", analyzed.ReasonCodes());
    }

    /// <summary>libpng (2025-12): a release writes its version into png.h, png.c, configure and a dozen more, and flips the
    /// build from beta to stable; the lines without a number are all that could be more than the version. A release title
    /// over real code is not a bump.</summary>
    [Theory]
    [InlineData("Release libpng version 1.6.52", "-#define PNG_LIBPNG_VER_STRING \"1.6.52.git\"", "+#define PNG_LIBPNG_VER_STRING \"1.6.52\"", true)]
    [InlineData("Release libpng version 1.6.52", "-  if (row_info->bit_depth < depth)", "+  if (row_info->bit_depth <= depth && transform)", false)]
    public void A_release_that_writes_its_version_into_sources_is_a_release_bump(string title, string removed, string added, bool release)
    {
        var builder = CommitBuilder.Message(title).File("CHANGES", 10, 1).File("configure", 11, 11)
            .Diff("png.h", "-#define PNG_LIBPNG_BUILD_BASE_TYPE PNG_LIBPNG_BUILD_BETA", "+#define PNG_LIBPNG_BUILD_BASE_TYPE PNG_LIBPNG_BUILD_STABLE",
                "- * libpng version 1.6.52.git", "+ * libpng version 1.6.52", "-#define PNG_LIBPNG_VER 10652", "+#define PNG_LIBPNG_VER 10652");
        for (var i = 0; i < 8; i++)
        {
            builder.Diff($"pngrutil{i}.c", removed, added, added + " // again");
        }

        var analyzed = builder.Analyze();

        Assert.Equal(release, analyzed.ReasonCodes().Contains("release-version"));
    }

    /// <summary>loco (2025-05-13): "remove cfg-if dependency" and "remove thousands dependency" replace a crate with a few lines
    /// of the product's own; nothing changes for users. A dependency removed for a reason the title gives is not that.</summary>
    [Theory]
    [InlineData("remove cfg-if dependency (#1432)", true)]
    [InlineData("chore: remove the unnecessary `symlink` dependency in favor of `gix-fs`.", true)]
    [InlineData("fix(server-renderer): remove package dependency cycle (#15063)", false)]
    [InlineData("remove reqwest dependency, by replace check crate version to use cargo instead of http (#1434)", false)]
    public void A_dependency_removed_and_nothing_more_is_a_refactor(string title, bool refactor)
    {
        var analyzed = CommitBuilder.Message(title).File("Cargo.toml", 0, 1).File("src/controller/format.rs", 14, 9).File("src/app.rs", 3, 3).Analyze();

        Assert.Equal(refactor, analyzed.ReasonCodes().Contains("refactor"));
        Assert.Equal(refactor, analyzed.Importance.Level == ImportanceLevel.Low);
    }

    /// <summary>bitwarden/android (2025-04-03) moves its API clients one by one into a network module; chrono and lazygit move
    /// types between modules and packages. A migration with no object moved ("Migrate to the ES module format") is no move.</summary>
    [Theory]
    [InlineData("[PM-19858] Migrate HaveIBeenPwnedApi to network module (#4988)", true)]
    [InlineData("Move `NaiveWeek` to `naive` module", true)]
    [InlineData("Move keybindings.LabelFromKey to config package", true)]
    [InlineData("Migrate to ES module format", false)]
    public void Code_moved_to_another_module_is_a_refactor(string title, bool refactor)
    {
        var analyzed = CommitBuilder.Message(title).File("network/src/main/kotlin/api/HaveIBeenPwnedApi.kt", 60, 2).File("app/src/main/kotlin/api/HaveIBeenPwnedApi.kt", 2, 58).Analyze();

        Assert.Equal(refactor, analyzed.ReasonCodes().Contains("refactor"));
    }

    [Fact]
    public void A_refactor_of_one_backend_is_low_at_any_size()
    {
        var analyzed = CommitBuilder.Message("opencl: refactor expm1 and softplus (llama/19404)").File("ggml/src/ggml-opencl/ggml-opencl.cpp", 350, 251).Analyze();

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Contains("refactor", analyzed.ReasonCodes());
    }

    [Fact]
    public void An_editors_language_injection_is_no_attack()
    {
        var analyzed = CommitBuilder.Message("helix-core: Make indentation injection-aware").File("helix-core/src/indent.rs", 120, 40).Analyze();

        Assert.DoesNotContain(analyzed.ReasonCodes(), c => c is "security" or "hardening");
    }

    [Theory]
    [InlineData("metal : add TQ2_0 support (llama/26980)", false)]
    [InlineData("feat(core): support HF_HUB_OFFLINE for loading pre-downloaded models (#2141)", true)]
    [InlineData("feat: read HF_TOKEN from the environment", true)]
    public void An_environment_variable_is_a_new_setting_but_a_quantisation_type_is_not(string title, bool setting)
    {
        var analyzed = CommitBuilder.Message(title).File("src/loader.rs", 60, 10).Analyze();

        Assert.Equal(setting, analyzed.ReasonCodes().Contains("setting"));
    }

    [Theory]
    [InlineData("core: modernize: any", "modernize")]
    [InlineData("[Cute,Bwd,Sm100] Rename var {m,n}_block_size->tile_{m,n}", "rename")]
    [InlineData("[Cute] Reformat blackwell_helpers.py, block_info.py", "reformat")]
    public void Mechanical_rewrites_are_internal_refactors(string title, string verb)
    {
        var analyzed = CommitBuilder.Message(title).Files(6, i => $"core/pkg{i}/types.go", 20, 20).Analyze();

        Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
        Assert.Equal($"internal refactor ({verb}), nothing a user notices", analyzed.Reason("refactor").Detail);
    }

    [Fact]
    public void Unescaped_user_input_in_a_shell_command_is_a_security_fix()
    {
        var analyzed = CommitBuilder.Message("Fix perforce unescaped user input in queryP4User shell commands").File("src/Composer/Util/Perforce.php", 12, 6).Analyze();

        Assert.Equal(ImportanceLevel.High, analyzed.Importance.Level);
    }
}
