using Gitbrief.Configuration;
using Gitbrief.Configuration.Schema;

namespace Gitbrief.Publishing;

/// <summary>Builds the target of each <c>publish:</c> entry. The entry's keys were checked against its type's schema
/// when the config was read; the target checks what depends on the run (secrets, formats) before anything runs.</summary>
internal static class PublishTargetFactory
{
    /// <summary>The target each type of <see cref="PublishTypes"/> builds.</summary>
    private static readonly Dictionary<string, Func<TargetSettings, PublishContext, IPublishTarget>> Factories = new(StringComparer.Ordinal)
    {
        [PublishTypes.Dir.Name] = DirTarget.Create,
        [PublishTypes.Email.Name] = EmailTarget.Create,
        [PublishTypes.Git.Name] = GitTarget.Create,
        [PublishTypes.GitHubIssue.Name] = GitHubIssueTarget.Create,
        [PublishTypes.Site.Name] = SiteTarget.Create,
        [PublishTypes.Webhook.Name] = Webhooks.WebhookTarget.Create,
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
