using System.Globalization;
using System.Xml.Linq;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Site;

/// <summary>The Atom feeds: well-formed XML in the Atom namespace, the required elements, unique ids, RFC 3339
/// times, escaped HTML content, and absolute links with a base URL.</summary>
public sealed class AtomFeedTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Theory]
    [InlineData("feed.atom", 3)]
    [InlineData("hostile/feed.atom", 2)]
    [InlineData("zhrepo/feed.atom", 1)]
    public void Feeds_are_valid_Atom(string file, int entries)
    {
        var feed = XDocument.Parse(site.Read(file.Split('/'))).Root!;

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.StartsWith("urn:uuid:", feed.Element(Atom + "id")!.Value, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "title")!.Value));
        AssertRfc3339(feed.Element(Atom + "updated")!.Value);
        Assert.Equal(file, feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));
        var items = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(entries, items.Count);
        var ids = items.Select(e => e.Element(Atom + "id")!.Value).Append(feed.Element(Atom + "id")!.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var entry in items)
        {
            Assert.Matches("^(urn:uuid:[0-9a-f-]{36}|tag:.+)$", entry.Element(Atom + "id")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")!.Value));
            AssertRfc3339(entry.Element(Atom + "updated")!.Value);
            Assert.EndsWith(".html", entry.Element(Atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal);
            var content = entry.Element(Atom + "content")!;
            Assert.Equal("html", content.Attribute("type")!.Value);
            Assert.DoesNotContain("<script", content.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:alert(1)\"", content.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Hostile_text_is_escaped_twice_in_the_raw_feed()
    {
        var raw = site.Read("hostile", "feed.atom");
        var content = string.Concat(XDocument.Parse(raw).Descendants(Atom + "content").Select(c => c.Value));

        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; breaking &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;", content, StringComparison.Ordinal);
        Assert.Contains("&amp;lt;/script&amp;gt;&amp;lt;script&amp;gt;", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_newest_day_comes_first_and_updated_is_its_last_commit()
    {
        var feed = XDocument.Parse(site.Read("hostile", "feed.atom")).Root!;
        var entries = feed.Elements(Atom + "entry").ToList();

        Assert.EndsWith("hostile/2026-02-11.html", entries[0].Element(Atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal);
        Assert.Equal("2026-02-11T02:00:00Z", entries[0].Element(Atom + "updated")!.Value);
        Assert.Equal("2026-02-11T02:00:00Z", feed.Element(Atom + "updated")!.Value);
    }

    [Fact]
    public async Task A_base_url_makes_every_link_absolute()
    {
        using var temp = new TempDirectory("gitbrief-feed");
        await site.BuildAsync(temp.Path, "https://example.com/briefs");
        var feed = XDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "feed.atom"))).Root!;

        Assert.Equal("https://example.com/briefs/feed.atom", feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        Assert.All(feed.Descendants(Atom + "link"), l => Assert.StartsWith("https://example.com/briefs/", l.Attribute("href")!.Value, StringComparison.Ordinal));
        var ids = feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value);
        var relative = XDocument.Parse(site.Read("feed.atom")).Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value);
        Assert.Equal(relative, ids);
    }

    private static void AssertRfc3339(string value) =>
        Assert.True(DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _), value);
}
