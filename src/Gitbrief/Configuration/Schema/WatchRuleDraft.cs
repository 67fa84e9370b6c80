namespace Gitbrief.Configuration.Schema;

/// <summary>A <c>watch:</c> rule while its keys are read: its conditions and every effect written (a rule has
/// exactly one; the check after reading says so at the second one's line).</summary>
internal sealed record WatchRuleDraft
{
    public IReadOnlyList<string> Paths { get; init; } = [];

    public IReadOnlyList<string> Keywords { get; init; } = [];

    public IReadOnlyList<(WatchEffect Effect, ImportanceLevel Level, ConfigNode Where)> Effects { get; init; } = [];

    public WatchRuleDraft With(WatchEffect effect, ImportanceLevel level, ConfigNode where) => this with { Effects = [.. Effects, (effect, level, where)] };
}
