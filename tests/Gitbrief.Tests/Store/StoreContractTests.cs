using Gitbrief.Common;
using Gitbrief.Analysis.Llm;
using Gitbrief.Store;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Store;

/// <summary>What every store does, run against SQLite (<see cref="SqliteStoreContractTests"/>) and a real PostgreSQL
/// (<see cref="PostgresStoreContractTests"/>): two store instances on one database stand for two processes (two
/// connections to one SQLite file, two pools on one PostgreSQL database). Claims with explicit instants: who gets a key,
/// when a lease runs out, a set of keys claimed all or none; units, the LLM cache, the publish ledger and the reports
/// written by one and read by the other.</summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private static readonly ClaimKey Monday = ClaimKey.Delivery("webhook:slack", "acme/widgets", new DateOnly(2026, 2, 23));
    private static readonly ClaimKey Tuesday = ClaimKey.Delivery("webhook:slack", "acme/widgets", new DateOnly(2026, 2, 24));
    private static readonly DateOnly Day = new(2026, 2, 23);

    private IGitbriefStore store = null!;
    private IGitbriefStore other = null!;

    /// <summary>Makes the empty database the instances of this test share.</summary>
    protected abstract Task CreateAsync();

    /// <summary>A new store instance on this test's database (another process, as far as the store can tell).</summary>
    private protected abstract Task<IGitbriefStore> OpenAsync();

    public async Task InitializeAsync()
    {
        await CreateAsync();
        store = await OpenAsync();
        other = await OpenAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await store.DisposeAsync();
        await other.DisposeAsync();
    }

    private static ClaimRequest[] Keys(params ClaimKey[] keys) => [.. keys.Select(k => new ClaimRequest(k, "hash"))];

    [Fact]
    public async Task A_live_claim_keeps_others_out_until_its_lease_runs_out_and_then_anyone_may_take_it()
    {
        Assert.True((await store.TryClaimAsync(Keys(Monday), "a", T0, Lease, CancellationToken.None)).Acquired);

        var during = await other.TryClaimAsync(Keys(Monday), "b", T0.AddSeconds(59), Lease, CancellationToken.None);
        var after = await other.TryClaimAsync(Keys(Monday), "b", T0.AddSeconds(61), Lease, CancellationToken.None);

        Assert.False(during.Acquired);
        Assert.Equal("a", during.Holder);
        Assert.Equal(T0 + Lease, during.HeldUntil);
        Assert.True(after.Acquired);
        Assert.Equal(0, await store.RenewAsync("a", T0.AddSeconds(62), Lease, CancellationToken.None));
    }

    [Fact]
    public async Task A_renewed_lease_keeps_the_claim_and_a_released_one_is_free_at_once()
    {
        await store.TryClaimAsync(Keys(Monday), "a", T0, Lease, CancellationToken.None);
        Assert.Equal(1, await store.RenewAsync("a", T0.AddSeconds(50), Lease, CancellationToken.None));

        Assert.False((await other.TryClaimAsync(Keys(Monday), "b", T0.AddSeconds(100), Lease, CancellationToken.None)).Acquired);
        await store.ReleaseAsync([Monday], "a", CancellationToken.None);
        Assert.True((await other.TryClaimAsync(Keys(Monday), "b", T0.AddSeconds(101), Lease, CancellationToken.None)).Acquired);
    }

    [Fact]
    public async Task A_set_of_keys_is_claimed_all_or_none()
    {
        await store.TryClaimAsync(Keys(Tuesday), "a", T0, Lease, CancellationToken.None);

        var both = await other.TryClaimAsync(Keys(Monday, Tuesday), "b", T0, Lease, CancellationToken.None);
        var mondayAlone = await store.TryClaimAsync(Keys(Monday), "c", T0, Lease, CancellationToken.None);

        Assert.False(both.Acquired);
        Assert.Equal(Tuesday, both.Blocked);
        Assert.True(mondayAlone.Acquired, "b's failed attempt must not keep Monday");
    }

    [Fact]
    public async Task Releasing_someone_elses_claim_does_nothing()
    {
        await store.TryClaimAsync(Keys(Monday), "a", T0, Lease, CancellationToken.None);

        await other.ReleaseAsync([Monday], "b", CancellationToken.None);

        Assert.False((await other.TryClaimAsync(Keys(Monday), "b", T0.AddSeconds(1), Lease, CancellationToken.None)).Acquired);
    }

    [Fact]
    public async Task Two_owners_racing_for_overlapping_sets_of_keys_never_both_win_a_key()
    {
        var days = Enumerable.Range(0, 8).Select(i => ClaimKey.Work(new WorkUnitKey("acme/widgets", Day.AddDays(i), "UTC", "v"))).ToArray();
        for (var round = 0; round < 10; round++)
        {
            var now = T0.AddMinutes(round * 10);
            // a wants days 0-5, b wants days 3-7 listed backwards: they overlap on 3-5.
            var a = store.TryClaimAsync(Keys([.. days[..6]]), $"a{round}", now, Lease, CancellationToken.None);
            var b = other.TryClaimAsync(Keys([.. days[3..].Reverse()]), $"b{round}", now, Lease, CancellationToken.None);
            var results = await Task.WhenAll(a, b);

            Assert.True(results.Count(r => r.Acquired) <= 1, $"round {round}: both sets were claimed although they share days");
            Assert.True(results.Any(r => r.Acquired) || results.All(r => r.Blocked is not null), $"round {round}: a loser names what blocked it");
        }
    }

    [Fact]
    public async Task A_unit_recorded_by_one_process_is_read_by_another_and_a_second_record_replaces_it()
    {
        var key = new WorkUnitKey("https://example.com/acme/widgets.git", Day, "Asia/Shanghai", "0123456789abcdef");
        var first = new WorkUnitRecord(key, WorkUnitStatus.Failed, 0, null, "git: bad object", 7, T0);
        var second = new WorkUnitRecord(key, WorkUnitStatus.Done, 12, "f00d", null, 8, T0.AddHours(1))
        {
            LlmUsage = new LlmUsage(12, 34_000, 5_600, 3, 1, 0),
            LlmWallTime = TimeSpan.FromMilliseconds(1234),
        };

        await store.RecordAsync(first, CancellationToken.None);
        Assert.Equal(first, await other.FindAsync(key, CancellationToken.None));
        await other.RecordAsync(second, CancellationToken.None);

        Assert.Equal(second, await store.FindAsync(key, CancellationToken.None));
        Assert.Null(await store.FindAsync(key with { Variant = "another" }, CancellationToken.None));
    }

    [Fact]
    public async Task Units_are_listed_by_day_range_in_a_stable_order()
    {
        foreach (var (repository, day) in new[] { ("b", Day), ("a", Day.AddDays(1)), ("a", Day), ("c", Day.AddDays(2)), ("z", Day.AddDays(-1)) })
        {
            await store.RecordAsync(new WorkUnitRecord(new WorkUnitKey(repository, day, "UTC", "v"), WorkUnitStatus.Done, 1, "h", null, 1, T0), CancellationToken.None);
        }

        var listed = await other.ListAsync(Day, Day.AddDays(1), CancellationToken.None);

        Assert.Equal(["a 2026-02-23", "b 2026-02-23", "a 2026-02-24"], listed.Select(u => $"{u.Key.Repository} {u.Key.Day:yyyy-MM-dd}"));
    }

    [Fact]
    public async Task An_llm_answer_saved_by_one_process_is_found_by_another_so_a_commit_is_analysed_once()
    {
        var key = new AnalysisKey("acme/widgets", "3f2a9c1", "gpt-test", "p7", "zh", "full");
        Assert.Null(await other.FindAnalysisAsync(key, CancellationToken.None));

        await store.SaveAnalysisAsync(key, """{"level":"high","summary":"缓存"}""", CancellationToken.None);

        Assert.Equal("""{"level":"high","summary":"缓存"}""", await other.FindAnalysisAsync(key, CancellationToken.None));
        Assert.Null(await other.FindAnalysisAsync(key with { Language = "en" }, CancellationToken.None));
        await other.SaveAnalysisAsync(key, """{"level":"low"}""", CancellationToken.None);
        Assert.Equal("""{"level":"low"}""", await store.FindAnalysisAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task A_delivery_recorded_by_one_process_is_in_the_ledger_of_another()
    {
        Assert.Null(await other.FindPublicationAsync("webhook:slack", "acme/widgets", Day, CancellationToken.None));
        var publication = new Publication("webhook:slack", "acme/widgets", Day, "h1", "msg-1", T0) { Contents = "3f2a9c1 high feat: x\n" };

        await store.RecordPublicationAsync(publication, CancellationToken.None);
        Assert.Equal(publication, await other.FindPublicationAsync("webhook:slack", "acme/widgets", Day, CancellationToken.None));
        var update = publication with { Hash = "h2", Location = null, PublishedAt = T0.AddDays(1), Contents = null };
        await other.RecordPublicationAsync(update, CancellationToken.None);

        Assert.Equal(update, await store.FindPublicationAsync("webhook:slack", "acme/widgets", Day, CancellationToken.None));
        Assert.Null(await store.FindPublicationAsync("email", "acme/widgets", Day, CancellationToken.None));
    }

    [Fact]
    public async Task A_report_written_on_one_machine_is_there_for_the_publish_job_on_another()
    {
        var unit = new WorkUnitKey("acme/widgets", Day, "UTC", "v1");
        var markdown = new StoredReport(unit, "md", "zh", "2026/widgets/2026-02-23.md", "# 每日更新报告\n"u8.ToArray(), "aa", 3, T0);
        var json = markdown with { Format = "json", RelativePath = "2026/widgets/2026-02-23.json", Content = "{}\n"u8.ToArray(), Hash = "bb" };
        var otherDay = markdown with { Unit = unit with { Day = Day.AddDays(1) } };

        foreach (var report in new[] { json, otherDay, markdown })
        {
            await store.SaveReportAsync(report, CancellationToken.None);
        }
        var rewritten = markdown with { Content = "# 每日更新报告（新）\n"u8.ToArray(), Hash = "cc", RunId = 4 };
        await other.SaveReportAsync(rewritten, CancellationToken.None);

        Assert.Equal(Kept(rewritten), Kept((await other.FindReportAsync(unit, "md", CancellationToken.None))!));
        Assert.Null(await other.FindReportAsync(unit, "html", CancellationToken.None));
        Assert.Equal([Kept(json), Kept(rewritten)], (await other.ListReportsAsync(Day, CancellationToken.None)).Select(Kept));
        Assert.Equal("# 每日更新报告（新）\n", (await store.FindReportAsync(unit, "md", CancellationToken.None))!.Text);
    }

    [Fact]
    public async Task A_completed_unit_keeps_its_reports_records_its_outcome_and_frees_its_claim_all_at_once()
    {
        var unit = new WorkUnitKey("acme/widgets", Day, "UTC", "v1");
        var claim = ClaimKey.Work(unit);
        var markdown = new StoredReport(unit, "md", "zh", "2026/widgets/2026-02-23.md", "# 每日更新报告\n"u8.ToArray(), "aa", 3, T0);
        var json = markdown with { Format = "json", RelativePath = "2026/widgets/2026-02-23.json", Content = "{}\n"u8.ToArray(), Hash = "bb" };
        var record = new WorkUnitRecord(unit, WorkUnitStatus.Done, 4, "aa", null, 3, T0);
        Assert.True((await store.TryClaimAsync([new ClaimRequest(claim)], "a", T0, Lease, CancellationToken.None)).Acquired);

        // A completion that fails at its second report leaves nothing of the unit behind, and its claim held.
        await Assert.ThrowsAnyAsync<Exception>(() =>
            store.CompleteAsync(new UnitCompletion(record, [markdown, json with { RelativePath = null! }], claim, "a"), CancellationToken.None));
        Assert.Null(await other.FindReportAsync(unit, "md", CancellationToken.None));
        Assert.Null(await other.FindAsync(unit, CancellationToken.None));
        Assert.False((await other.TryClaimAsync([new ClaimRequest(claim)], "b", T0.AddSeconds(1), Lease, CancellationToken.None)).Acquired);

        await store.CompleteAsync(new UnitCompletion(record, [markdown, json], claim, "a"), CancellationToken.None);

        Assert.Equal([Kept(json), Kept(markdown)], (await other.ListReportsAsync(Day, CancellationToken.None)).Select(Kept));
        Assert.Equal(record, await other.FindAsync(unit, CancellationToken.None));
        Assert.True((await other.TryClaimAsync([new ClaimRequest(claim)], "b", T0.AddSeconds(2), Lease, CancellationToken.None)).Acquired);
    }

    /// <summary>A kept report as it compares: its fields, with its bytes by value.</summary>
    private static (StoredReport Fields, string Text) Kept(StoredReport report) => (report with { Content = default }, report.Text);

    [Fact]
    public async Task A_report_kept_as_bytes_reads_back_as_the_same_text_and_bytes()
    {
        var unit = new WorkUnitKey("acme/widgets", Day, "UTC", "v1");
        var text = "{\n  \"title\": \"修复 🙂 \\u202E\"\n}\n";
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);

        await store.SaveReportAsync(new StoredReport(unit, "json", "zh", "2026/widgets/2026-02-23.json", bytes, "h", 1, T0), CancellationToken.None);
        var kept = (await other.FindReportAsync(unit, "json", CancellationToken.None))!;

        Assert.Equal(text, kept.Text);
        Assert.Equal(bytes, kept.Content.ToArray());
    }

    [Fact]
    public async Task Runs_get_distinct_ids_from_every_process()
    {
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await store.StartRunAsync("report", T0, CancellationToken.None));
            ids.Add(await other.StartRunAsync("run", T0, CancellationToken.None));
        }
        await store.FinishRunAsync(ids[0], 0, T0.AddMinutes(1), CancellationToken.None);

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(id > 0));
    }
}

/// <summary>The store contract on SQLite: two connections to one file.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly TempDirectory directory = new("gitbrief-store");

    protected override Task CreateAsync() => Task.CompletedTask;

    private protected override async Task<IGitbriefStore> OpenAsync() => await SqliteStore.OpenAsync(directory.Combine("gitbrief.db"), CancellationToken.None);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        directory.Dispose();
    }
}

/// <summary>The store contract on a real PostgreSQL: two connection pools on one database, opened as gitbrief opens it
/// (the URL, the password from the environment).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreContractTests(PostgresCluster cluster) : StoreContractTests
{
    private string database = "";

    protected override async Task CreateAsync() => database = await cluster.CreateDatabaseAsync("contract");

    private protected override Task<IGitbriefStore> OpenAsync() =>
        StoreFactory.OpenAsync(StoreLocation.Parse(cluster.Url(database)), CancellationToken.None, name => name == "PGPASSWORD" ? cluster.Password : null);
}
