using System.Text.Encodings.Web;
using System.Text.Json.Nodes;

namespace Gitbrief.Publishing.Webhooks;

/// <summary>The platform's verdict on an answer: delivered, or why not (and whether trying again may help).</summary>
internal sealed record WebhookVerdict(bool Delivered, string? Problem = null, bool Transient = false)
{
    public static WebhookVerdict Ok { get; } = new(true);

    public static WebhookVerdict Failed(string problem, bool transient = false) => new(false, problem, transient);
}
