using System.Globalization;
using System.Text;
using System.Xml;

namespace Gitbrief.Site;

/// <summary>Atom feeds (RFC 4287): one entry per repository-day, newest first, at most <see cref="MaxEntries"/>.
/// Ids are <c>urn:uuid:</c> derived from the repository name and day, so they are stable whatever the base URL;
/// <c>updated</c> is the day's last commit time (else the end of the day) in UTC; the content is the day's statistics,
/// highlights and high-importance titles as escaped HTML. Links are relative unless a base URL is given.</summary>
internal static class AtomFeed
{
    public const int MaxEntries = 100;
    private const string Namespace = "http://www.w3.org/2005/Atom";

    /// <param name="feedPath">The feed's own root-relative path (feed.atom or name/feed.atom).</param>
    /// <param name="baseUrl">Absolute site URL ending in '/', or null for relative links.</param>
    public static string Render(string key, string title, string feedPath, IReadOnlyList<SiteDay> days, string? baseUrl, SiteText text)
    {
        var entries = days.OrderByDescending(d => d.Date).ThenBy(d => d.Name, StringComparer.Ordinal).Take(MaxEntries).ToList();
        var updated = entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries.Max(d => d.Summary.Updated);
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            OmitXmlDeclaration = true,
            Encoding = new UTF8Encoding(false),
        };
        var output = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        using (var writer = XmlWriter.Create(output, settings))
        {
            writer.WriteStartElement("feed", Namespace);
            writer.WriteAttributeString("xml", "lang", null, text.Lang);
            writer.WriteElementString("id", Namespace, Urn("feed\n" + key));
            writer.WriteElementString("title", Namespace, Clean(title));
            writer.WriteElementString("updated", Namespace, Rfc3339(updated));
            Link(writer, "self", Url(baseUrl, feedPath), "application/atom+xml");
            Link(writer, "alternate", Url(baseUrl, "index.html"), "text/html");
            writer.WriteStartElement("author", Namespace);
            writer.WriteElementString("name", Namespace, "Gitbrief");
            writer.WriteEndElement();
            writer.WriteElementString("generator", Namespace, "Gitbrief");
            foreach (var day in entries)
            {
                var stats = day.Stats;
                writer.WriteStartElement("entry", Namespace);
                writer.WriteElementString("id", Namespace, Urn("day\n" + day.Name + "\n" + day.IsoDate));
                writer.WriteElementString("title", Namespace, Clean(
                    $"{day.Name} · {day.IsoDate} · {N(stats.Total)} {text.Commits} ({text.Level("high")} {N(stats.High)})"));
                writer.WriteElementString("updated", Namespace, Rfc3339(day.Summary.Updated));
                Link(writer, "alternate", Url(baseUrl, day.PagePath), "text/html");
                writer.WriteStartElement("content", Namespace);
                writer.WriteAttributeString("type", "html");
                writer.WriteString(Clean(Content(day, text, baseUrl)));
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        return output.Append('\n').ToString();
    }

    private static string Content(SiteDay day, SiteText text, string? baseUrl)
    {
        var labels = text.Labels;
        var stats = day.Stats;
        var html = new StringBuilder();
        html.Append("<p>").Append(Html.Escape(labels.StatisticsLine(stats.Total, stats.High, stats.Medium, stats.Low))).Append("</p>");
        if (day.Summary.Highlights.Count > 0)
        {
            html.Append("<h3>").Append(Html.Escape(labels.Highlights)).Append("</h3><ul>");
            foreach (var highlight in day.Summary.Highlights)
            {
                html.Append("<li>").Append(Html.Escape(highlight)).Append("</li>");
            }
            html.Append("</ul>");
        }
        var high = day.Summary.High;
        if (high.Count > 0)
        {
            html.Append("<h3>").Append(Html.Escape(labels.Group(ImportanceLevel.High, high.Count))).Append("</h3><ul>");
            foreach (var commit in high)
            {
                html.Append("<li>").Append(Html.Link(commit.Url, commit.Title)).Append(" · ").Append(Html.Escape(commit.Author)).Append("</li>");
            }
            html.Append("</ul>");
        }
        html.Append("<p><a href=\"").Append(Html.Escape(Url(baseUrl, day.PagePath))).Append("\">").Append(Html.Escape(day.Name + " · " + day.IsoDate)).Append("</a></p>");
        return html.ToString();
    }

    public static string Rfc3339(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Link(XmlWriter writer, string rel, string href, string type)
    {
        writer.WriteStartElement("link", Namespace);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private static string Url(string? baseUrl, string path) => (baseUrl ?? string.Empty) + path;

    /// <summary>A stable name-based URN (SHA-256, RFC 4122 layout with version 5 bits).</summary>
    private static string Urn(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        Common.Sha256.Hash(Encoding.UTF8.GetBytes("gitbrief-site\n" + key), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash[..16]);
        return $"urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }

    /// <summary>Replaces characters XML 1.0 cannot carry (control characters, lone surrogates) with U+FFFD and drops
    /// bidirectional controls.</summary>
    private static string Clean(string text)
    {
        text = Rendering.BidiControls.Strip(text);
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (ok)
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            if (XmlConvert.IsXmlChar(c))
            {
                builder?.Append(c);
                continue;
            }
            builder ??= new StringBuilder(text, 0, i, text.Length);
            builder.Append('\uFFFD');
        }
        return builder?.ToString() ?? text;
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
