namespace Gitbrief.Server.Jobs;

/// <summary>The Hangfire queues: publishes first (they are short and people wait for them), then repository-days.</summary>
internal static class FleetQueues
{
    public const string Publish = "publish";
    public const string Units = "default";

    public static readonly string[] All = [Publish, Units];
}
