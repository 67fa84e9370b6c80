using Gitbrief.Analysis;
using Gitbrief.Configuration;
using Gitbrief.Sources;

namespace Gitbrief.Tests.Analysis;

/// <summary>Builds <see cref="CommitRecord"/>s by hand for the analyzer's unit tests: a message and a list
/// of changed files, everything else filled with fixed values.</summary>
internal sealed class CommitBuilder
{
    private static readonly Person Someone = new("Ada Lovelace", "ada@example.com");
    private static readonly DateTimeOffset When = new(2026, 3, 14, 9, 30, 0, TimeSpan.FromHours(8));

    private readonly string message;
    private readonly List<FileChange> files = [];
    private List<ChangedLine>? lines;

    private CommitBuilder(string message) => this.message = message;

    public static CommitBuilder Message(string message) => new(message);

    /// <summary>A changed text file (Modified unless told).</summary>
    public CommitBuilder File(string path, int additions = 10, int deletions = 0, FileStatus status = FileStatus.Modified)
    {
        files.Add(new FileChange(path, null, status, additions, deletions, false));
        return this;
    }

    public CommitBuilder Added(string path, int additions = 10) => File(path, additions, 0, FileStatus.Added);

    public CommitBuilder Deleted(string path, int deletions = 10) => File(path, 0, deletions, FileStatus.Deleted);

    public CommitBuilder Renamed(string oldPath, string path)
    {
        files.Add(new FileChange(path, oldPath, FileStatus.Renamed, 0, 0, false));
        return this;
    }

    public CommitBuilder Binary(string path, FileStatus status = FileStatus.Modified)
    {
        files.Add(new FileChange(path, null, status, 0, 0, true));
        return this;
    }

    /// <summary><paramref name="count"/> files named by <paramref name="path"/>(index), each with the same line counts.</summary>
    public CommitBuilder Files(int count, Func<int, string> path, int additions = 10, int deletions = 0)
    {
        for (var i = 0; i < count; i++)
        {
            File(path(i), additions, deletions);
        }
        return this;
    }

    /// <summary>A changed text file with its changed lines ("+added", "-removed"), counted from them, as git reads small commits.</summary>
    public CommitBuilder Diff(string path, params string[] changed)
    {
        files.Add(new FileChange(path, null, FileStatus.Modified, changed.Count(l => l[0] == '+'), changed.Count(l => l[0] == '-'), false));
        lines ??= [];
        lines.AddRange(changed.Select(l => new ChangedLine(path, l[0] == '+', l[1..])));
        return this;
    }

    public CommitRecord Build() => new()
    {
        Sha = "0123456789abcdef0123456789abcdef01234567",
        Parents = ["fedcba9876543210fedcba9876543210fedcba98"],
        Author = Someone,
        AuthoredAt = When,
        Committer = Someone,
        CommittedAt = When,
        Message = message,
        Files = files.ToList(),
        Lines = lines?.ToList(),
    };

    public AnalyzedCommit Analyze(ReportLanguage language = ReportLanguage.En, ImportanceWeights? weights = null) =>
        new RulesAnalyzer(weights ?? ImportanceWeights.Default, language).Analyze(Build());

    /// <summary>Only the message and file roles' reading of the commit (type, scope, breaking, security…).</summary>
    public CommitTraits Traits()
    {
        var commit = Build();
        var classified = commit.Files.Select(f => new ClassifiedFile(f, FileClassifier.Classify(f))).ToList();
        return CommitClassifier.Classify(commit, classified);
    }
}

/// <summary>Shorthands over an analysis result.</summary>
internal static class AnalyzedCommitExtensions
{
    public static IReadOnlyList<string> ReasonCodes(this AnalyzedCommit analyzed) =>
        analyzed.Importance.Reasons.Select(r => r.Code).ToList();

    public static ScoreReason Reason(this AnalyzedCommit analyzed, string code) =>
        Assert.Single(analyzed.Importance.Reasons, r => r.Code == code);

    /// <summary>Every sentence the analysis shows a reader.</summary>
    public static IEnumerable<string> AllText(this AnalyzedCommit analyzed)
    {
        var a = analyzed.Analysis;
        var insights = a.Insights is null ? [] : a.Insights.Architecture.Concat(a.Insights.Performance).Concat(a.Insights.Security).Select(i => i.Text);
        return a.Summary
            .Concat(a.Impact)
            .Concat(a.Risks)
            .Concat(a.Recommendations)
            .Concat(insights)
            .Concat(analyzed.Importance.Reasons.Select(r => r.Detail));
    }
}
