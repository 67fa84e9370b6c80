using System.Globalization;

namespace Gitbrief.Store;

/// <summary>What a claim is on: a repository-day in a <paramref name="Scope"/> — <c>work</c> for the report of a
/// work unit (<paramref name="Variant"/> is the unit's time zone and settings), <c>publish:&lt;target&gt;</c> for a
/// delivery (<paramref name="Variant"/> is empty: two versions of the same day never go out at once).</summary>
internal sealed record ClaimKey(string Scope, string Repository, DateOnly Day, string Variant)
{
    public const string WorkScope = "work";

    public static ClaimKey Work(WorkUnitKey unit) => new(WorkScope, unit.Repository, unit.Day, unit.TimeZone + "/" + unit.Variant);

    public static ClaimKey Delivery(string target, string repository, DateOnly day) => new("publish:" + target, repository, day, string.Empty);

    public string IsoDay => Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One key to claim, with the hash of the content it will produce or deliver (recorded with the claim, for
/// whoever looks at who holds what), if known.</summary>
internal sealed record ClaimRequest(ClaimKey Key, string? ContentHash = null);

/// <summary>The outcome of an attempt to claim a set of keys: all of them, or none and who holds the first key
/// that was taken (and until when its lease runs, unless renewed).</summary>
internal sealed record ClaimAttempt(bool Acquired, ClaimKey? Blocked = null, string? Holder = null, DateTimeOffset? HeldUntil = null)
{
    public static ClaimAttempt Success { get; } = new(true);
}
