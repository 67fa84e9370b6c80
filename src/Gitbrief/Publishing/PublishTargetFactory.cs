using Gitbrief.Configuration;

namespace Gitbrief.Publishing;

/// <summary>Builds the target of each <c>publish:</c> entry, which reads and validates its own keys (config
/// errors with file:line, before anything runs).</summary>
internal static class PublishTargetFactory
{
    private static readonly Dictionary<string, Func<TargetSettings, PublishContext, IPublishTarget>> Factories = new(StringComparer.Ordinal)
    {
        ["dir"] = DirTarget.Create,
        ["email"] = EmailTarget.Create,
        ["git"] = GitTarget.Create,
        ["github-issue"] = GitHubIssueTarget.Create,
        ["site"] = SiteTarget.Create,
        ["webhook"] = Webhooks.WebhookTarget.Create,
    };

    public static IReadOnlyList<string> Types => [.. Factories.Keys.Order(StringComparer.Ordinal)];

    public static IReadOnlyList<IPublishTarget> Create(IReadOnlyList<TargetSettings> settings, PublishContext context)
    {
        var targets = settings.Select(s => Factories.TryGetValue(s.Type, out var factory)
                ? factory(s, context)
                : throw new Common.UsageException($"{s.Location}: publish type '{s.Type}' is not available in this version (available: {string.Join(", ", Types)})"))
            .ToList();
        var clash = targets.GroupBy(t => t.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return clash is null
            ? targets
            : throw new Common.UsageException($"two publish targets would both be '{clash.Key}'; give one of them a 'name:'");
    }
}
