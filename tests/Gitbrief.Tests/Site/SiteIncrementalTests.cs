using Gitbrief.Site;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Site;

/// <summary>Rebuilding a site renders only what changed (the manifest <c>.gitbrief-site.json</c>), and what it writes is
/// always byte for byte what a full build writes.</summary>
public sealed class SiteIncrementalTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string EnglishDay2 = "2026/hostile/" + SiteFixture.Day2 + ".json";

    [Fact]
    public async Task A_new_day_renders_its_page_its_neighbour_and_its_repositorys_pages_and_nothing_else()
    {
        using var temp = new TempDirectory("gitbrief-site-new-day");
        var (reports, output, arrive) = await SiteBeforeTheLastDayAsync(temp);
        arrive();
        // The other repository's report now has bytes that cannot be parsed, but the same size and time as when it was
        // last read: an incremental build never reads it again (a full build would fail on it).
        var other = Directory.EnumerateFiles(Path.Combine(reports, "2026", "zhrepo"), "*.json").Single();
        Garble(other);
        var second = await Build(reports, output);

        // hostile: the new day's page, the previous day's page (its "next day" link), the week page and the month's
        // search shard are rendered; zhrepo's day page, week page and shard are kept.
        Assert.Equal(3, second.Reused);
        Assert.Contains("2026-02-11.html", File.ReadAllText(Path.Combine(output, "hostile", "2026-02-10.html")), StringComparison.Ordinal);
        Assert.Contains("2026-02-11", File.ReadAllText(Path.Combine(output, "hostile", "week.html")), StringComparison.Ordinal);
        var failed = await Assert.ThrowsAsync<Gitbrief.Common.GitbriefException>(() => Build(reports, temp.Combine("full-garbled"), full: true));
        Assert.Contains("cannot read the report", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incremental_build_writes_the_same_bytes_as_a_full_build()
    {
        using var temp = new TempDirectory("gitbrief-site-same");
        var (reports, output, arrive) = await SiteBeforeTheLastDayAsync(temp);
        arrive();
        await Build(reports, output);
        // A changed report: its new title shows on its page, in the feeds and in the search shard.
        var changed = Path.Combine(reports, "2026", "hostile", SiteFixture.Day1 + ".json");
        File.WriteAllText(changed, File.ReadAllText(changed).Replace("alert(1)</script>", "alert(1)</script> renamed", StringComparison.Ordinal));
        var third = await Build(reports, output);
        Assert.Contains("renamed", File.ReadAllText(Path.Combine(output, "hostile", SiteFixture.Day1 + ".html")), StringComparison.Ordinal);
        Assert.True(third.Reused > 0);

        await Build(reports, temp.Combine("full"), full: true);

        var incremental = SiteFixture.Files(output);
        var full = SiteFixture.Files(temp.Combine("full"));
        Assert.Equal(full.Keys, incremental.Keys);
        foreach (var (file, bytes) in full)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(incremental[file]), file);
        }
    }

    [Fact]
    public async Task A_deleted_page_a_damaged_manifest_or_other_options_render_again()
    {
        using var temp = new TempDirectory("gitbrief-site-again");
        var reports = Reports(temp);
        var output = temp.Combine("site");
        // Pages rendered from whole reports: hostile's two day pages, week page and shard, zhrepo's day page, week page and shard.
        const int Pages = 7;
        Assert.Equal(0, (await Build(reports, output)).Reused);
        var unchanged = await Build(reports, output);
        Assert.Equal(Pages, unchanged.Reused);
        Assert.Equal(0, unchanged.Changed);

        var page = Path.Combine(output, "hostile", SiteFixture.Day1 + ".html");
        var before = File.ReadAllBytes(page);
        File.Delete(page);
        Assert.Equal(Pages - 1, (await Build(reports, output)).Reused);
        Assert.Equal(before, File.ReadAllBytes(page));

        File.WriteAllText(Path.Combine(output, SiteManifest.FileName), "{ not json");
        Assert.Equal(0, (await Build(reports, output)).Reused);

        var withBaseUrl = await SiteBuilder.BuildAsync(new SiteOptions(reports, output) { BaseUrl = "https://example.com/briefs/" }, CancellationToken.None);
        Assert.Equal(0, withBaseUrl.Reused);
    }

    /// <summary>The fixture's reports without hostile's second day, and a site built from them (every page rendered);
    /// calling the action puts the day's report back, as the next morning's report would.</summary>
    private async Task<(string Reports, string Output, Action Arrive)> SiteBeforeTheLastDayAsync(TempDirectory temp)
    {
        var reports = Reports(temp);
        var held = temp.Combine("held.json");
        File.Move(Path.Combine(reports, EnglishDay2), held);
        var output = temp.Combine("site");
        Assert.Equal(0, (await Build(reports, output)).Reused);
        return (reports, output, () => File.Move(held, Path.Combine(reports, EnglishDay2)));
    }

    private string Reports(TempDirectory temp)
    {
        var reports = temp.Combine("reports");
        SiteFixture.CopyDirectory(site.Workspace.Out, reports);
        return reports;
    }

    private static Task<SiteResult> Build(string reports, string output, bool full = false) =>
        SiteBuilder.BuildAsync(new SiteOptions(reports, output) { Full = full }, CancellationToken.None);

    /// <summary>Overwrites a file with as many bytes that are not JSON, keeping its modification time.</summary>
    private static void Garble(string file)
    {
        var time = File.GetLastWriteTimeUtc(file);
        File.WriteAllBytes(file, Enumerable.Repeat((byte)'#', (int)new FileInfo(file).Length).ToArray());
        File.SetLastWriteTimeUtc(file, time);
    }
}
