using System.Text.Json;
using System.Text.RegularExpressions;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Site;

/// <summary>The static site built from real JSON reports: hostile commit text stays text, the DOM contract the
/// browser test relies on holds, counts match the JSON, and two builds are byte-identical.</summary>
public sealed partial class SiteBuildTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'\">";

    [Fact]
    public void The_site_has_every_page_feed_and_asset()
    {
        foreach (var file in new[]
                 {
                     "index.html", "search.html", "search/hostile/2026-02.js", "search/zhrepo/2026-02.js", "feed.atom", "assets/site.js", "assets/site.css",
                     "hostile/2026-02-10.html", "hostile/2026-02-11.html", "hostile/feed.atom", "zhrepo/2026-02-11.html", "zhrepo/feed.atom",
                 })
        {
            Assert.True(File.Exists(Path.Combine(site.Site, file)), file);
        }
    }

    [Fact]
    public void No_page_has_a_script_but_the_sites_own()
    {
        foreach (var file in site.HtmlFiles())
        {
            var html = File.ReadAllText(file);
            foreach (Match match in ScriptTag().Matches(html))
            {
                Assert.True(
                    match.Value is "<script src=\"assets/site.js\" defer>" or "<script src=\"../assets/site.js\" defer>"
                        or "<script type=\"application/json\" id=\"search-shards\">",
                    $"{file}: unexpected {match.Value}");
            }
            Assert.Equal(ScriptTag().Matches(html).Count, Regex.Matches(html, "</script", RegexOptions.IgnoreCase).Count);
            Assert.Contains(Csp, html, StringComparison.Ordinal);
            Assert.DoesNotMatch(JavascriptHref(), html);
            Assert.DoesNotMatch(EventHandler(), html);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Hostile_titles_are_shown_escaped()
    {
        var day = site.Read("hostile", "2026-02-10.html") + site.Read("hostile", "2026-02-11.html");

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", day, StringComparison.Ordinal);
        Assert.Contains("&quot;onmouseover=&quot;alert(1)", day, StringComparison.Ordinal);
        Assert.Contains("<span class=\"author\">onmouseover=&quot;alert(1)</span>", day, StringComparison.Ordinal);
        Assert.Contains("[x](javascript:alert(1))", day, StringComparison.Ordinal);
        Assert.Contains("&#39; onfocus=&#39;alert(3) &amp; friends", day, StringComparison.Ordinal);
        Assert.Contains("docs/&lt;img src=x onerror=alert(1)&gt;.md", day, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsafe_urls_in_a_report_never_become_links()
    {
        using var temp = new TempDirectory("gitbrief-site-urls");
        var reports = temp.Combine("reports");
        SiteFixture.CopyDirectory(site.Workspace.Out, reports);
        var path = Path.Combine(reports, "2026", "hostile", "2026-02-10.json");
        var json = File.ReadAllText(path)
            .Replace("\"url\": null", "\"url\": \"javascript:alert(1)\"", StringComparison.Ordinal)
            .Replace("\"pullRequestUrl\": null", "\"pullRequestUrl\": \"JavaScript:alert(2)\"", StringComparison.Ordinal)
            .Replace("\"pullRequest\": null", "\"pullRequest\": 7", StringComparison.Ordinal);
        File.WriteAllText(path, json);

        await Gitbrief.Site.SiteBuilder.BuildAsync(new Gitbrief.Site.SiteOptions(reports, temp.Combine("site")), CancellationToken.None);

        var page = File.ReadAllText(temp.Combine("site", "hostile", "2026-02-10.html"));
        Assert.Contains("PR #7", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(JavascriptHref(), page);
        Assert.DoesNotContain("href=\"javascript", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(JavascriptHref(), File.ReadAllText(temp.Combine("site", "index.html")));
        Assert.DoesNotContain("href=\"javascript", File.ReadAllText(temp.Combine("site", "feed.atom")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Day_pages_follow_the_DOM_contract_and_match_the_JSON_counts()
    {
        foreach (var (name, date) in new[] { ("hostile", SiteFixture.Day1), ("hostile", SiteFixture.Day2), ("zhrepo", SiteFixture.Day2) })
        {
            var json = site.Workspace.Json(name, date);
            var stats = json.GetProperty("stats");
            var html = site.Read(name, date + ".html");
            var articles = Article().Matches(html).ToList();

            Assert.Equal(stats.GetProperty("total").GetInt32(), articles.Count);
            foreach (var level in new[] { "high", "medium", "low" })
            {
                Assert.Equal(stats.GetProperty(level).GetInt32(), articles.Count(a => a.Groups["level"].Value == level));
                Assert.Contains($"<button type=\"button\" class=\"filter\" data-filter-importance=\"{level}\"", html, StringComparison.Ordinal);
            }
            Assert.Contains("<button type=\"button\" class=\"filter\" data-filter-importance=\"all\"", html, StringComparison.Ordinal);
            var types = json.GetProperty("commits").EnumerateArray()
                .SelectMany(c => c.GetProperty("changeTypes").EnumerateArray().Select(t => t.GetString()!)).ToHashSet();
            foreach (var type in types)
            {
                Assert.Contains($"class=\"filter\" data-filter-type=\"{type}\"", html, StringComparison.Ordinal);
            }
            var expectedTypes = json.GetProperty("commits").EnumerateArray()
                .Select(c => string.Join(' ', c.GetProperty("changeTypes").EnumerateArray().Select(t => t.GetString())))
                .Order(StringComparer.Ordinal);
            Assert.Equal(expectedTypes, articles.Select(a => a.Groups["types"].Value).Order(StringComparer.Ordinal));
            Assert.Contains($"<span id=\"visible-count\">{articles.Count}</span>", html, StringComparison.Ordinal);
            Assert.Equal(articles.Count, Regex.Matches(html, "<details class=\"analysis\">").Count);
        }
    }

    [Fact]
    public void The_index_lists_days_newest_first_with_their_counts_and_a_chart()
    {
        var index = site.Read("index.html");

        var first = index.IndexOf("hostile/2026-02-11.html", StringComparison.Ordinal);
        var second = index.IndexOf("hostile/2026-02-10.html", StringComparison.Ordinal);
        Assert.True(first >= 0 && second > first, "days are not newest first");
        Assert.Equal(2, Regex.Matches(index, "<svg class=\"chart\"").Count);
        Assert.DoesNotContain("http://", index.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", index, StringComparison.Ordinal);
        var json = site.Workspace.Json("hostile", SiteFixture.Day1).GetProperty("stats");
        var line = Regex.Match(index, "<li><a href=\"hostile/2026-02-10.html\">.*</li>").Value;
        foreach (var level in new[] { "high", "medium", "low" })
        {
            Assert.Matches($"data-level=\"{level}\">[^<]* {json.GetProperty(level).GetInt32()}</span>", line);
        }
    }

    [Fact]
    public void Labels_follow_the_report_language()
    {
        Assert.Contains("<html lang=\"en\">", site.Read("hostile", "2026-02-10.html"), StringComparison.Ordinal);
        Assert.Contains("High importance changes", site.Read("hostile", "2026-02-10.html") + site.Read("hostile", "2026-02-11.html"), StringComparison.Ordinal);
        var zh = site.Read("zhrepo", "2026-02-11.html");
        Assert.Contains("<html lang=\"zh-CN\">", zh, StringComparison.Ordinal);
        Assert.Contains("重要程度", zh, StringComparison.Ordinal);
    }

    [Fact]
    public void The_search_index_has_every_commit_and_cannot_break_out_of_a_script()
    {
        var shards = Directory.EnumerateFiles(Path.Combine(site.Site, "search"), "*.js", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["2026-02.js", "2026-02.js"], shards.Select(Path.GetFileName));
        var entries = new List<JsonElement>();
        foreach (var shard in shards)
        {
            var raw = File.ReadAllText(shard);
            Assert.DoesNotContain("<", raw, StringComparison.Ordinal);
            Assert.DoesNotContain(">", raw, StringComparison.Ordinal);
            Assert.StartsWith("gitbriefSearch([", raw, StringComparison.Ordinal);
            Assert.EndsWith("]);\n", raw, StringComparison.Ordinal);
            using var document = JsonDocument.Parse(raw["gitbriefSearch(".Length..^3]);
            entries.AddRange(document.RootElement.EnumerateArray().Select(e => e.Clone()));
        }
        Assert.Equal(7, entries.Count);
        Assert.Contains(entries, e => e.GetProperty("title").GetString() == "<script>alert(1)</script>"
                                      && e.GetProperty("url").GetString()!.StartsWith("hostile/2026-02-10.html#c-", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.GetProperty("author").GetString() == "onmouseover=\"alert(1)"); // git drops the leading quote
        Assert.Contains(entries, e => e.GetProperty("paths").EnumerateArray().Any(p => p.GetString() == "docs/<img src=x onerror=alert(1)>.md"));
        foreach (var entry in entries)
        {
            var anchor = entry.GetProperty("url").GetString()!.Split('#')[1];
            var page = site.Read(entry.GetProperty("url").GetString()!.Split('#')[0].Split('/'));
            Assert.Contains($"id=\"{anchor}\"", page, StringComparison.Ordinal);
        }
        var search = site.Read("search.html");
        Assert.Contains("<input id=\"search\" type=\"search\"", search, StringComparison.Ordinal);
        Assert.Contains("<ul id=\"results\"></ul>", search, StringComparison.Ordinal);
        Assert.Contains("{\"src\":\"search/hostile/2026-02.js\",\"month\":\"2026-02\",\"repository\":\"hostile\",\"commits\":", search, StringComparison.Ordinal);
        Assert.Contains("{\"src\":\"search/zhrepo/2026-02.js\"", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_builds_are_byte_identical()
    {
        using var temp = new TempDirectory("gitbrief-site-twice");
        await site.BuildAsync(temp.Combine("a"));
        await site.BuildAsync(temp.Combine("b"));

        var a = SiteFixture.Files(temp.Combine("a"));
        var b = SiteFixture.Files(temp.Combine("b"));
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (file, bytes) in a)
        {
            Assert.Equal(bytes, b[file]);
            Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), file);
            Assert.DoesNotContain((byte)'\r', bytes);
        }
        var again = await site.BuildAsync(temp.Combine("a"));
        Assert.Equal(0, again.Changed);
    }

    [Fact]
    public void The_cli_builds_the_site()
    {
        var result = CliRunner.Run(site.Workspace.Root, "site", "--reports", site.Workspace.Out, "--out", "cli-site", "--base-url", "https://example.com/briefs");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(site.Workspace.Combine("cli-site", "hostile", "2026-02-10.html")));
        Assert.Contains("href=\"https://example.com/briefs/feed.atom\"", File.ReadAllText(site.Workspace.Combine("cli-site", "feed.atom")), StringComparison.Ordinal);
        var missing = CliRunner.Run(site.Workspace.Root, "site", "--reports", "nowhere", "--out", "x");
        Assert.Equal(2, missing.ExitCode);
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"(href|src|action)\s*=\s*[""']?\s*javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex JavascriptHref();

    [GeneratedRegex(@"<[^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex("<article class=\"commit\" id=\"c-[0-9a-f]{12}\" data-importance=\"(?<level>high|medium|low)\" data-types=\"(?<types>[a-z ]*)\">")]
    private static partial Regex Article();
}
