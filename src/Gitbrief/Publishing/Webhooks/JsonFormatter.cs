using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Gitbrief.Publishing.Digests;

namespace Gitbrief.Publishing.Webhooks;

/// <summary>Generic JSON: one documented object per repository-day (docs/publishing/webhook.md) —
/// {repository, repositoryUrl, date, language, stats{total,high,medium,low}, partial, highlights[],
/// themes[{title,summary,importance,commits}], commits[{sha,title,importance,url}], moreCommits, reportUrl}; an update of a day already sent has no
/// highlights or commits but <c>changes[]</c>, one line per change. With a secret, the header
/// <c>X-Gitbrief-Signature: sha256=&lt;hex HMAC-SHA256(secret, body)&gt;</c> signs the exact body bytes.
/// Any 2xx answer is a delivery.</summary>
internal sealed class JsonFormatter : WebhookFormatter
{
    public const string SignatureHeader = "X-Gitbrief-Signature";

    public override string Flavor => "json";

    public override JsonObject Build(DayDigest digest)
    {
        var payload = Payload(digest);
        if (digest.IsUpdate)
        {
            payload["highlights"] = new JsonArray();
            payload["changes"] = new JsonArray([.. digest.Highlights.Select(h => (JsonNode?)JsonValue.Create(h))]);
        }
        return payload;
    }

    private static JsonObject Payload(DayDigest digest) => new()
    {
        ["repository"] = digest.Repository,
        ["repositoryUrl"] = digest.RepositoryUrl,
        ["date"] = digest.Date,
        ["language"] = digest.Language == ReportLanguage.En ? "en" : "zh",
        ["stats"] = new JsonObject
        {
            ["total"] = digest.Stats.Total,
            ["high"] = digest.Stats.High,
            ["medium"] = digest.Stats.Medium,
            ["low"] = digest.Stats.Low,
        },
        ["partial"] = digest.PartialUntil is not null,
        ["highlights"] = new JsonArray([.. digest.Highlights.Select(h => (JsonNode?)JsonValue.Create(h))]),
        ["themes"] = new JsonArray([.. digest.Themes.Select(t => (JsonNode?)new JsonObject
        {
            ["title"] = t.Title,
            ["summary"] = t.Summary,
            ["importance"] = t.Level.ToString().ToLowerInvariant(),
            ["commits"] = t.Counts.Total,
        })]),
        ["commits"] = new JsonArray([.. digest.Commits.Select(c => (JsonNode?)new JsonObject
        {
            ["sha"] = c.Sha,
            ["title"] = c.Title,
            ["importance"] = c.Importance,
            ["url"] = c.Url,
        })]),
        ["moreCommits"] = digest.More,
        ["reportUrl"] = digest.ReportUrl,
    };

    public override bool Fits(JsonObject payload, byte[] body) => true;

    protected override IReadOnlyList<KeyValuePair<string, string>> SignHeaders(byte[] body, string secret) =>
        [new(SignatureHeader, Signature(body, secret))];

    /// <summary>"sha256=" + lowercase hex of HMAC-SHA256(key = secret, message = body).</summary>
    public static string Signature(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
