using Gitbrief.Analysis;
using Gitbrief.Configuration;
using Gitbrief.Rendering;
using Gitbrief.Reports;
using Gitbrief.Sources;

namespace Gitbrief.Tests.Support;

/// <summary>Reports built in memory from hand-made commits, the way the report job builds them
/// (RulesAnalyzer → ReportBuilder), for the rendering tests.</summary>
internal static class RenderingSamples
{
    public const string RepositoryName = "sgl-project/sglang";
    public const string RepositoryUrl = "https://github.com/sgl-project/sglang";

    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    public static ReportDay Day { get; } = new(new DateOnly(2026, 1, 12), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    public static ReportRepository Repository { get; } = new(RepositoryName, RepositoryUrl, "main");

    /// <summary>A fixed day of nine commits: a large feature and a security fix (high), a rename, a deletion and a
    /// Chinese-titled fix (medium), a binary-only change, a CI change and two docs typos with the same title (low).</summary>
    public static IReadOnlyList<CommitRecord> Commits { get; } =
    [
        Commit(
            "3f1c2a9b7d4e5f60718293a4b5c6d7e8f9012345",
            new Person("Lianmin Zheng", "lianmin@example.com"),
            At(2026, 1, 12, 23, 44, 45),
            "feat(scheduler): add overlap scheduling for prefill and decode (#17001)\n\n"
                + "- Run the CPU scheduling of the next batch while the GPU executes the current one\n"
                + "- Add the --enable-overlap-schedule server flag\n\n"
                + "Signed-off-by: Lianmin Zheng <lianmin@example.com>\n",
            [
                new("python/sglang/srt/managers/scheduler.py", null, FileStatus.Modified, 420, 35, false),
                new("python/sglang/srt/managers/overlap_worker.py", null, FileStatus.Added, 210, 0, false),
                new("python/sglang/srt/server_args.py", null, FileStatus.Modified, 18, 2, false),
                new("test/srt/test_overlap_schedule.py", null, FileStatus.Added, 95, 0, false),
                new("docs/backend/server_arguments.md", null, FileStatus.Modified, 6, 1, false),
            ],
            authoredAt: At(2026, 1, 11, 18, 2, 11),
            committer: new Person("GitHub", "noreply@github.com")),
        Commit(
            "8e2d4c6a0b1f3e5d7c9a2b4d6f8e0a1c3e5b7d90",
            new Person("Xinyuan Tong", "xinyuan@example.com"),
            At(2026, 1, 12, 22, 37, 39),
            "fix(lora): prevent path traversal when loading adapters\n\n"
                + "Reject lora_path values that resolve outside the adapter directory. Reported as GHSA-4xq2-93fm-mw7c.\n",
            [
                new("python/sglang/srt/lora/lora_manager.py", null, FileStatus.Modified, 25, 8, false),
            ]),
        Commit(
            "a04b9e7c3d2f1e0a9b8c7d6e5f4a3b2c1d0e9f8a",
            new Person("Liangsheng Yin", "liangsheng@example.com"),
            At(2026, 1, 12, 20, 16, 30),
            "refactor: move tokenizer helpers into sglang.utils (#16990)\n",
            [
                new("python/sglang/utils/tokenizer.py", "python/sglang/srt/tokenizer_utils.py", FileStatus.Renamed, 4, 4, false),
                new("python/sglang/srt/managers/tokenizer_manager.py", null, FileStatus.Modified, 3, 3, false),
            ]),
        Commit(
            "5c7e9a1b3d5f7092a4c6e8f0b2d4f6a8c0e2a4b6",
            new Person("Ke Bao", "kebao@example.com"),
            new DateTimeOffset(2026, 1, 12, 9, 26, 57, TimeSpan.Zero),
            "[attention] Remove the deprecated Triton v1 decode kernel (#16985)\n\n"
                + "The v2 kernel has been the default since 0.4. Nothing imports the old one any more.\n",
            [
                new("python/sglang/srt/layers/attention/triton_ops/decode_attention_v1.py", null, FileStatus.Deleted, 0, 412, false),
                new("python/sglang/srt/layers/attention/triton_backend.py", null, FileStatus.Modified, 6, 21, false),
            ]),
        Commit(
            "d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0",
            new Person("张伟", "zhangwei@example.com"),
            At(2026, 1, 12, 16, 6, 31),
            "修复调度器在空批次时的越界读取 (#16977)\n\n空批次时不再读取 GPU 事件数组之外的内存。\n",
            [
                new("python/sglang/srt/managers/scheduler.py", null, FileStatus.Modified, 12, 3, false),
                new("test/srt/test_scheduler_idle.py", null, FileStatus.Added, 40, 0, false),
            ]),
        Commit(
            "0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e",
            new Person("Ying Sheng", "ying@example.com"),
            At(2026, 1, 12, 14, 49, 55),
            "Update the throughput benchmark figure\n",
            [
                new("docs/images/throughput.png", null, FileStatus.Modified, 0, 0, true),
            ]),
        Commit(
            "7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b",
            new Person("Chayenne Zhao", "chayenne@example.com"),
            At(2026, 1, 12, 11, 47, 58),
            "Fix typo\n",
            [
                new("README.md", null, FileStatus.Modified, 1, 1, false),
            ]),
        Commit(
            "b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2",
            new Person("YC Tseng", "yctseng@example.com"),
            At(2026, 1, 12, 10, 53, 17),
            "[CI] Pin the AMD runner image (#16931)\n",
            [
                new(".github/workflows/pr-test-amd.yml", null, FileStatus.Modified, 2, 2, false),
            ]),
        Commit(
            "e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0",
            new Person("Chayenne Zhao", "chayenne@example.com"),
            At(2026, 1, 12, 0, 36, 45),
            "Fix typo\n",
            [
                new("docs/get_started/install.md", null, FileStatus.Modified, 1, 1, false),
            ]),
    ];

    public static DailyReport Report(ReportLanguage language) => Build(language, Commits);

    public static DailyReport Empty(ReportLanguage language) => Build(language, []);

    public static DailyReport Build(ReportLanguage language, IEnumerable<CommitRecord> commits) =>
        new ReportBuilder(new RulesAnalyzer(ImportanceWeights.Default, language), WebLinks.FromRemote(RepositoryUrl + ".git"))
            .Build(Day, Repository, commits);

    public static string Markdown(DailyReport report, ReportLanguage language) =>
        new MarkdownRenderer(RenderOptions.Default with { Language = language }).Render(report);

    public static string Json(DailyReport report) => new JsonReportRenderer().Render(report);

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute, int second) =>
        new(year, month, day, hour, minute, second, Shanghai);

    /// <summary>A commit touching one source file, with a made-up sha derived from <paramref name="seed"/>.</summary>
    public static CommitRecord Simple(int seed, string message, DateTimeOffset? committedAt = null, string author = "Test Author") =>
        Commit(
            FakeSha(seed),
            new Person(author, "author@example.com"),
            committedAt ?? At(2026, 1, 12, 12, 0, 0).AddMinutes(-seed),
            message,
            [new FileChange($"python/sglang/srt/module_{seed.ToString(System.Globalization.CultureInfo.InvariantCulture)}.py", null, FileStatus.Modified, 10, 2, false)]);

    public static string FakeSha(int seed) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(BitConverter.GetBytes(seed)));

    public static CommitRecord Commit(
        string sha, Person author, DateTimeOffset committedAt, string message, IReadOnlyList<FileChange> files,
        DateTimeOffset? authoredAt = null, Person? committer = null) => new()
    {
        Sha = sha,
        Parents = [new string(sha.Reverse().ToArray())],
        Author = author,
        AuthoredAt = authoredAt ?? committedAt,
        Committer = committer ?? author,
        CommittedAt = committedAt,
        Message = message,
        Files = files,
    };
}
