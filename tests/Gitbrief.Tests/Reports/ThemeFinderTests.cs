using Gitbrief.Analysis;
using Gitbrief.Reports;
using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Reports;

/// <summary>The day's themes found by rules, on reports built the way the report job builds them (RulesAnalyzer →
/// ReportBuilder → ThemeFinder): what groups, what does not, how themes are named and ordered.</summary>
public sealed class ThemeFinderTests
{
    private int seed;

    [Fact]
    public void A_scope_series_is_one_theme_named_after_the_scope_with_its_levels()
    {
        var report = Day(
            Commit("feat(lockfile): write metadata-free lockfiles behind --preview", "src/lock/writer.rs", 300),
            Commit("feat(lockfile): read metadata-free lockfiles", "src/lock/reader.rs", 240),
            Commit("fix(lockfile): keep markers when metadata is absent", "src/lock/markers.rs", 12),
            Commit("test(lockfile): cover empty lockfiles", "tests/lock/empty.rs", 40),
            Commit("docs: describe the cache layout", "docs/cache.md", 30),
            Commit("Speed up wheel unpacking with mmap", "src/install/unpack.rs", 60));

        var theme = Assert.Single(report.Themes);
        Assert.Equal("lockfile", theme.Title);
        var members = report.Entries.Where(e => e.Commit.Title.Contains("(lockfile)", StringComparison.Ordinal)).ToList();
        Assert.Equal(members.Select(e => e.Commit.Sha), theme.Commits);
        Assert.Equal(members.Min(e => e.Level), theme.Level);
        Assert.Equal(Counts(members), theme.Counts);
        Assert.Equal(4, theme.Counts.Total);
        Assert.Null(theme.Summary);
    }

    /// <summary>VictoriaMetrics, 2026-02-12: "docs: mention top query by memory usage" and "vminsert: proper reset labelsBuf
    /// … to avoid high memory usage" share two words and nothing else; a page and the code it documents do make a theme
    /// when their scope ties them.</summary>
    [Fact]
    public void Docs_and_code_that_share_only_title_words_make_no_theme()
    {
        var report = Day(
            Commit("docs: mention top query by memory usage", "docs/victoriametrics/single-server.md", 8),
            Commit("vminsert: proper reset labelsBuf for OpenTelemetry ingestion to avoid high memory usage", "app/vminsert/opentelemetry/request_handler.go", 6),
            Commit("feat(scrape): add per-target sample limit", "lib/promscrape/scrapework.go", 80),
            Commit("docs(scrape): document the per-target sample limit", "docs/victoriametrics/vmagent.md", 20),
            Commit("lib/storage: use child trace during index searches", "lib/storage/index_db.go", 30));

        var theme = Assert.Single(report.Themes);
        Assert.Equal(report.Entries.Where(e => e.Commit.Title.Contains("(scrape)", StringComparison.Ordinal)).Select(e => e.Commit.Sha), theme.Commits);
    }

    /// <summary>pytorch/ao, 2026-01-29: six "[k/x] docs update: …" pull requests of one stack, each on its own pages, and
    /// lmdeploy's "[AsyncEngine Refactor k/N]": a place in a series is no area, the series is the theme.</summary>
    [Fact]
    public void The_parts_of_a_numbered_series_are_one_theme()
    {
        var report = Day(
            Commit("[6/x] docs update: move QAT readme to docs (#3764)", "docs/source/qat.md", 50),
            Commit("[5/x] docs update: initial clean up of quantization API reference section (#3763)", "docs/source/api_ref_quantization.rst", 99),
            Commit("[4/x] docs update: move workflow overview section from README to docs (#3762)", "docs/source/workflows.md", 45),
            Commit("[3/x] docs update: make docs landing page be like the main README (#3761)", "docs/source/index.rst", 209),
            Commit("[2/x] docs update: separate quick start (#3760)", "docs/source/quick_start.rst", 255),
            Commit("[1/x] docs update (#3743)", "docs/source/conf.py", 69),
            Commit("[AsyncEngine Refactor 3/N] Introduce Session and SessionManager (#4253)", "lmdeploy/serve/session.py", 300),
            Commit("[AsyncEngine Refactor 2/N] Move request handling out of the engine (#4251)", "lmdeploy/serve/async_engine.py", 200),
            Commit("Add keepdim support for AffineQuantizedMinMaxObserver (#3748)", "torchao/quantization/observer.py", 111));

        Assert.Equal(2, report.Themes.Count);
        var docs = Assert.Single(report.Themes, t => t.Commits.Count == 6);
        Assert.Equal(report.Entries.Where(e => e.Commit.Title.Contains("/x]", StringComparison.Ordinal)).Select(e => e.Commit.Sha), docs.Commits);
        var engine = Assert.Single(report.Themes, t => t.Commits.Count == 2);
        Assert.Equal("AsyncEngine Refactor", engine.Title);
    }

    /// <summary>Megatron-Bridge, 2026-07-23: <c>fix(recipe)</c> and <c>test(recipes)</c> name one area.</summary>
    [Fact]
    public void A_scope_written_singular_and_plural_is_one_theme()
    {
        var report = Day(
            Commit("fix(recipe): restore Nemotron VL SFT batches", "src/bridge/recipes/nemotron_vl.py", 30),
            Commit("perf(recipe): optimize Moonlight training throughput", "src/bridge/recipes/moonlight.py", 120),
            Commit("test(recipes): stop pinning exact recipe count in env invariant", "tests/unit/recipes/test_env.py", 2),
            Commit("feat(recipes): add Qwen3.5 GB200 pretraining", "src/bridge/recipes/qwen/gb200.py", 400),
            Commit("fix(data): shuffle direct HF SFT with cyclic sampler", "src/bridge/data/sampler.py", 14),
            Commit("docs: describe the launcher", "docs/launcher.md", 30));

        var theme = Assert.Single(report.Themes);
        Assert.Equal(4, theme.Counts.Total);
        Assert.Contains(theme.Title, new[] { "recipe", "recipes" });
    }

    /// <summary>vllm-ascend, a day of 32 commits: "[BugFix]" on twelve and "[Feature]" on six say what kind of change each
    /// is, not where; "[310P]" on three is an area.</summary>
    [Fact]
    public void Tags_that_name_the_kind_of_change_make_no_theme()
    {
        var report = Day(
            Commit("[BugFix] Fix fused_infer_attention ops contiguous err", "vllm_ascend/ops/attention.py", 20),
            Commit("[BugFix][Worker] Fix PP PCP hidden state restore", "vllm_ascend/worker/model_runner.py", 40),
            Commit("[BugFix] Fix the graph capture of mla on A3", "vllm_ascend/compilation/graph.py", 30),
            Commit("[Feature] Support Ascend 950 CPU binding with topo clusters", "vllm_ascend/cpu_binding.py", 200),
            Commit("[Feature] Add a dynamic eplb config", "vllm_ascend/eplb/config.py", 120),
            Commit("[Misc] Clean up unused imports", "vllm_ascend/utils.py", 6),
            Commit("[Misc] Tidy the platform check", "vllm_ascend/platform.py", 8),
            Commit("[CI/Build] Pin the torch-npu wheel", ".github/workflows/build.yml", 4),
            Commit("[CI/Build] Cache the CANN toolkit", ".github/workflows/test.yml", 10),
            // laravel's release-line tags (2026-08-02): "[13.x]" on ten commits about as many subjects.
            Commit("[13.x] Fix Str::replace with arrays of subjects", "src/Illuminate/Support/Str.php", 12),
            Commit("[13.x] Support HEIC images in the image rule", "src/Illuminate/Validation/Concerns/ValidatesAttributes.php", 30),
            Commit("[13.x] Retry the failover queue's next connection", "src/Illuminate/Queue/FailoverQueue.php", 20),
            // xtuner's kind tags (2026-05-26): six "[Enhance]" commits on logging, torch.compile, all_reduce and the profiler.
            Commit("[Enhance] Update the profile default behavior", "xtuner/v1/profiler.py", 12),
            Commit("[Enhance] Overlap H2D copies with compute", "xtuner/v1/engine/train_engine.py", 60),
            Commit("[Enhance] Log the rollout throughput", "xtuner/v1/rl/logger.py", 14),
            Commit("[310P] Fix the rope kernel for 310P", "vllm_ascend/_310p/rope.py", 30),
            Commit("[310P] Support quantized matmul on 310P", "vllm_ascend/_310p/matmul.py", 90),
            Commit("[310P] Fix the attention mask on 310P", "vllm_ascend/_310p/attention.py", 25));

        var theme = Assert.Single(report.Themes);
        Assert.Equal("310P", theme.Title);
        Assert.Equal(3, theme.Counts.Total);
    }

    [Fact]
    public void Scopes_of_one_area_make_a_theme_each_not_one_for_the_area()
    {
        // Deno's "ext/crypto", "ext/node", "ext/fetch": the area "ext" is half the day; each scope is a theme of its own.
        var report = Day(
            Commit("feat(ext/crypto): implement SubtleCrypto.supports()", "ext/crypto/00_crypto.js", 200),
            Commit("fix(ext/crypto): ML-KEM raw-seed and JWK", "ext/crypto/ml_kem.rs", 300),
            Commit("fix(ext/crypto): use outputLength for SHAKE digests", "ext/crypto/digest.rs", 80),
            Commit("fix(ext/node): implement setKeepAlive on TCPWrap", "ext/node/ops/tcp.rs", 120),
            Commit("fix(ext/node): accept scoped IPv6 interface in dgram", "ext/node/polyfills/dgram.ts", 60),
            Commit("fix(ext/fetch): block requests to bad ports", "ext/fetch/26_fetch.js", 90),
            Commit("fix(lsp): cache JSR type roots", "cli/lsp/cache.rs", 90));

        Assert.Equal(["ext/crypto", "ext/node"], report.Themes.Select(t => t.Title));
        Assert.Equal(3, report.Themes[0].Counts.Total);
        Assert.Equal(2, report.Themes[1].Counts.Total);
    }

    [Fact]
    public void A_scope_most_of_the_day_shares_is_no_theme_by_itself_and_its_themes_are_told_apart_by_their_files()
    {
        // franz-go's "kgo:" on 48 of 63 commits: one theme of them all would say nothing.
        var report = Day(
            Commit("kgo: validate offset responses", "pkg/kgo/source.go", 40),
            Commit("kgo: ignore duplicate partitions", "pkg/kgo/source.go", 30),
            Commit("kgo: reject negative record counts", "pkg/kgo/source.go", 20),
            Commit("kgo: restore the promise bound", "pkg/kgo/producer.go", 60),
            Commit("kgo: broadcast finishes per batch", "pkg/kgo/producer.go", 50),
            Commit("kgo: never park pushes", "pkg/kgo/producer.go", 40),
            Commit("kgo: dial filtered brokers", "pkg/kgo/broker.go", 30),
            Commit("kgo: clamp poller release", "pkg/kgo/consumer.go", 30),
            Commit("kgo: deliver telemetry on close", "pkg/kgo/telemetry.go", 30),
            Commit("kgo: resolve seed node ids", "pkg/kgo/metadata.go", 30),
            Commit("kfake: add sink audit", "pkg/kfake/sink_test.go", 30),
            Commit("DESIGN: describe the ring", "DESIGN.md", 20));

        Assert.Equal(["kgo: producer.go", "kgo: source.go"], report.Themes.Select(t => t.Title).Order(StringComparer.Ordinal));
        Assert.All(report.Themes, t => Assert.Equal(3, t.Counts.Total));
    }

    [Fact]
    public void Ci_markers_in_titles_make_no_theme()
    {
        var report = Day(
            Commit("fix: support torch 2.13 checkpoint API in SAC offload (#3835) [skip ci]", "src/offload/sac.py", 60),
            Commit("chore: remove deprecated torch.jit usage (#3831) [skip ci]", "src/utils/jit.py", 40),
            Commit("fix(glm): follow the upstream indexer rope change (#3832) [ci skip]", "src/models/glm.py", 30),
            Commit("cleanup pytest matrix behind maintainer labels (#3834) [skip-ci]", "tests/conftest.py", 20));

        Assert.Empty(report.Themes);
    }

    [Fact]
    public void A_day_of_three_commits_has_no_themes()
    {
        var report = Day(
            Commit("feat(lockfile): write lockfiles", "src/lock/writer.rs", 30),
            Commit("feat(lockfile): read lockfiles", "src/lock/reader.rs", 30),
            Commit("fix(lockfile): keep markers", "src/lock/markers.rs", 12));

        Assert.Empty(report.Themes);
    }

    [Fact]
    public void Unrelated_commits_make_no_themes()
    {
        var report = Day(
            Commit("Speed up wheel unpacking with mmap", "src/install/unpack.rs", 60),
            Commit("Explain the cache layout", "docs/cache.md", 30),
            Commit("Reject reserved Windows file names in archives", "src/archive/names.rs", 25),
            Commit("Pin the macOS runner image", ".github/workflows/ci.yml", 2),
            Commit("Render Python versions in colour", "src/cli/colour.rs", 40),
            Commit("Drop the legacy resolver flag", "src/resolver/flags.rs", 80));

        Assert.Empty(report.Themes);
    }

    [Fact]
    public void Dependency_bumps_group_under_their_shared_wording_at_low()
    {
        var bumps = new[] { "serde to v1.0.229", "tokio to v1.53.1", "clap to v4.6.3", "regex to v1.13.1", "toml to v1.1.3" }
            .Select(what => Commit($"Update Rust crate {what} (#{Next()})", [
                new FileChange("Cargo.toml", null, FileStatus.Modified, 1, 1, false),
                new FileChange("Cargo.lock", null, FileStatus.Modified, 8, 8, false),
            ]))
            .ToList();
        var report = Day([
            .. bumps,
            Commit("feat: add a --dry-run flag to publish", "src/publish/args.rs", 120),
            Commit("Explain the cache layout", "docs/cache.md", 30),
        ]);

        var theme = Assert.Single(report.Themes);
        Assert.Equal("Update Rust crate", theme.Title);
        Assert.Equal(ImportanceLevel.Low, theme.Level);
        Assert.Equal(new ThemeCounts(0, 0, 5), theme.Counts);
        Assert.Equal(bumps.Select(c => c.Sha).Order(StringComparer.Ordinal), theme.Commits.Order(StringComparer.Ordinal));
    }

    /// <summary>A file every module has ("mod.rs", "index.ts", "__init__.py") says where only with its folder.</summary>
    [Theory]
    [InlineData("src/engine/planner.rs", "src/engine/joins.rs", "planner.rs")]
    [InlineData("gix-tix/src/mod.rs", "gix-tix/src/joins.rs", "gix-tix/mod.rs")]
    public void Commits_sharing_a_source_file_group_and_take_its_name(string shared, string other, string title)
    {
        var report = Day(
            Commit("Stop planning joins twice", [Source(shared, 40), Source(other, 10)]),
            Commit("Cost model for hash aggregates", [Source(shared, 55)]),
            Commit("Explain the cache layout", "docs/cache.md", 30),
            Commit("Pin the macOS runner image", ".github/workflows/ci.yml", 2),
            Commit("Render Python versions in colour", "src/cli/colour.rs", 40));

        var theme = Assert.Single(report.Themes);
        Assert.Equal(title, theme.Title);
        Assert.Equal(2, theme.Commits.Count);
    }

    [Fact]
    public void A_file_much_of_the_day_touches_does_not_make_a_theme_by_itself()
    {
        var titles = new[]
        {
            "Speed up wheel unpacking with mmap", "Reject reserved Windows file names", "Render Python versions in colour",
            "Drop the legacy resolver flag", "Retry flaky index requests", "Honour NO_COLOR everywhere", "Shorter error for missing interpreters",
            "Trim trailing slashes from index URLs",
        };
        var report = Day(titles.Select((title, i) => Commit(title, [Source("src/lib.rs", 3), Source($"src/area{i}/mod.rs", 30)])).ToArray());

        Assert.Empty(report.Themes);
    }

    [Fact]
    public void The_commits_of_one_pull_request_are_named_after_it()
    {
        var pull = new PullRequestInfo(4242, "Metadata-free lockfiles (preview)", ["preview"]);
        var report = Day(
            Commit("Write the new lockfile", "src/lock/writer.rs", 200) with { LinkedPullRequest = pull },
            Commit("Read it back", "src/lock/reader.rs", 150) with { LinkedPullRequest = pull },
            Commit("Gate it behind --preview", "src/settings.rs", 20) with { LinkedPullRequest = pull },
            Commit("Explain the cache layout", "docs/cache.md", 30),
            Commit("Pin the macOS runner image", ".github/workflows/ci.yml", 2));

        var theme = Assert.Single(report.Themes);
        Assert.Equal("Metadata-free lockfiles (preview)", theme.Title);
        Assert.Equal(3, theme.Commits.Count);
    }

    [Fact]
    public void Chinese_titles_group_on_shared_words()
    {
        var report = Day(
            Commit("修复调度器在空批次时的死锁", "src/scheduler/idle.py", 20),
            Commit("调度器支持抢占", "src/scheduler/preempt.py", 120),
            Commit("优化调度器内存占用", "src/scheduler/memory.py", 60),
            Commit("更新安装文档", "docs/install.md", 10),
            Commit("新增日志轮转", "src/logging/rotate.py", 80));

        var theme = Assert.Single(report.Themes);
        Assert.Equal("调度器", theme.Title);
        Assert.Equal(3, theme.Commits.Count);
    }

    [Fact]
    public void Themes_are_kept_by_weight_and_shown_highest_level_first_then_largest()
    {
        // Nine scope groups with nothing else in common: two of two high commits, one of three medium, six of two to
        // seven low ones.
        var commits = new List<CommitRecord>();
        for (var g = 0; g < 2; g++)
        {
            commits.AddRange(Enumerable.Range(0, 2).Select(i => Commit(
                $"feat(core{g})!: rename item{g}{i}\n\nBREAKING CHANGE: renamed", $"src/core{g}/part{i}.rs", 400)));
        }
        commits.AddRange(Enumerable.Range(0, 3).Select(i => Commit($"fix(cli): handle flag {i} when empty", $"src/cli/flag{i}.rs", 6)));
        for (var g = 0; g < 6; g++)
        {
            commits.AddRange(Enumerable.Range(0, 2 + g).Select(i => Commit($"docs(guide{g}): reword page{g}{i}", $"docs/guide{g}/page{i}.md", 4)));
        }
        var report = Day([.. commits]);

        Assert.True(report.Themes.Count == 7, string.Join("\n", report.Themes.Select(t => $"{t.Title} {t.Level} {t.Commits.Count}")));
        Assert.Equal(report.Themes.OrderBy(t => t.Level).ThenByDescending(t => t.Commits.Count), report.Themes);
        Assert.Equal(report.Themes.Select(t => t.Level).Order(), report.Themes.Select(t => t.Level));
        // The two smallest low groups (two and three docs commits) weigh least and are the ones left out.
        Assert.DoesNotContain(report.Themes, t => t.Title is "guide0" or "guide1");
        Assert.Contains(report.Themes, t => t.Title == "guide5" && t.Commits.Count == 7);
        Assert.All(report.Themes, t => Assert.Equal(t.Commits.Count, t.Counts.Total));
    }

    [Fact]
    public void The_same_day_gives_the_same_themes()
    {
        CommitRecord[] commits =
        [
            Commit("feat(lockfile): write lockfiles", "src/lock/writer.rs", 30),
            Commit("feat(lockfile): read lockfiles", "src/lock/reader.rs", 30),
            Commit("Update Rust crate serde to v1.0.229", "Cargo.toml", 1),
            Commit("Update Rust crate tokio to v1.53.1", "Cargo.toml", 1),
            Commit("Explain the cache layout", "docs/cache.md", 30),
        ];

        var first = RenderingSamples.Json(Day(commits));
        var second = RenderingSamples.Json(Day(commits));

        Assert.Equal(first, second);
        Assert.Contains("\"themes\": [", first, StringComparison.Ordinal);
    }

    private static DailyReport Day(params CommitRecord[] commits) => RenderingSamples.Build(ReportLanguage.En, commits);

    private static ThemeCounts Counts(IEnumerable<ReportEntry> entries) => ThemeCounts.Of(entries.Select(e => e.Level));

    private static FileChange Source(string path, int lines) => new(path, null, FileStatus.Modified, lines, lines / 4, false);

    private CommitRecord Commit(string message, string path, int lines) => Commit(message, [Source(path, lines)]);

    private CommitRecord Commit(string message, IReadOnlyList<FileChange> files)
    {
        var n = Next();
        return RenderingSamples.Commit(RenderingSamples.FakeSha(5000 + n), new Person("Dev", "dev@example.com"),
            RenderingSamples.At(2026, 1, 12, 20, 0, 0).AddMinutes(-n), message + "\n", files);
    }

    private int Next() => ++seed;
}
