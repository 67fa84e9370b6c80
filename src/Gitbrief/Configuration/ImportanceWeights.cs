namespace Gitbrief.Configuration;

/// <summary>The weights of the importance rules. Defaults are the current tool's; the config's
/// <c>importance:</c> keys (commit_types, change_sizes, file_types, scopes, thresholds) override them.</summary>
internal sealed record ImportanceWeights
{
    public static ImportanceWeights Default { get; } = new();

    /// <summary>Points per conventional type: feat, fix, perf, refactor, test, docs, ci, chore, style, build, other.</summary>
    public IReadOnlyDictionary<string, int> CommitTypes { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["feat"] = 8,
        ["fix"] = 7,
        ["perf"] = 6,
        ["refactor"] = 5,
        ["test"] = 3,
        ["docs"] = 2,
        ["ci"] = 2,
        ["chore"] = 1,
        ["style"] = 1,
        ["build"] = 1,
        ["other"] = 3,
    };

    /// <summary>Meaningful changed lines above which a commit is large / medium / small.</summary>
    public int LargeChange { get; init; } = 500;
    public int MediumChange { get; init; } = 100;
    public int SmallChange { get; init; } = 50;

    /// <summary>Points for the commit's primary file role: core (source), config, test, doc.</summary>
    public int CoreFiles { get; init; } = 2;
    public int ConfigFiles { get; init; } = 1;
    public int TestFiles { get; init; } = 1;
    public int DocFiles { get; init; }

    /// <summary>More than <see cref="WideScope"/> meaningful files is wide; at least <see cref="MediumScope"/> is medium.</summary>
    public int WideScope { get; init; } = 5;
    public int MediumScope { get; init; } = 3;

    public int HighThreshold { get; init; } = 10;
    public int MediumThreshold { get; init; } = 6;

    public int TypeWeight(string type) =>
        CommitTypes.TryGetValue(type, out var w) ? w : CommitTypes.TryGetValue("other", out var other) ? other : 3;
}
