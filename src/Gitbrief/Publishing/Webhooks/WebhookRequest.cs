using System.Text.Encodings.Web;
using System.Text.Json.Nodes;

namespace Gitbrief.Publishing.Webhooks;

/// <summary>One HTTP request to a webhook: where (signed URL), the exact body, and extra headers.</summary>
internal sealed record WebhookRequest(Uri Url, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers);
