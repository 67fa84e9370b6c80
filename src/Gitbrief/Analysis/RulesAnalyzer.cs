using System.Globalization;
using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>The offline analyzer: classifies files, scores importance and writes the analysis text
/// that the data can honestly support. No network, no API key. The reader's watch rules apply last.</summary>
internal sealed class RulesAnalyzer(ImportanceWeights weights, ReportLanguage language, WatchRules? watch = null, RepositoryProfile? profile = null)
{
    private const int MaxSummaryPoints = 5;
    private const int MaxPointLength = 200;
    private const int MaxPathsShown = 3;
    private const int ManyDeletions = 10;

    private readonly RulesPhrases phrases = RulesPhrases.For(language);

    public ImportanceWeights Weights { get; } = weights;

    public ReportLanguage Language { get; } = language;

    /// <summary>Where the repository's code lives and changes; empty when the source could not tell.</summary>
    public RepositoryProfile Profile { get; } = profile ?? RepositoryProfile.Empty;

    /// <summary>Analyses the commits of one day: each on its own, then ranked against the rest of the day.</summary>
    public Dictionary<string, AnalyzedCommit> AnalyzeDay(IEnumerable<CommitRecord> commits)
    {
        var analyses = new Dictionary<string, AnalyzedCommit>(StringComparer.Ordinal);
        foreach (var commit in commits)
        {
            analyses.TryAdd(commit.Sha, Analyze(commit));
        }
        new DayRanker(Weights, SignalPhrases.For(Language)).Rank(analyses);
        return analyses;
    }

    /// <summary>The repository's watch rules (global, then its own).</summary>
    public WatchRules Watch { get; } = watch ?? WatchRules.None;

    public AnalyzedCommit Analyze(CommitRecord commit)
    {
        var files = commit.Files.Select(f => new ClassifiedFile(f, FileClassifier.Classify(f))).ToList();
        var traits = CommitClassifier.Classify(commit, files);
        var signals = CommitSignals.Read(commit, traits, files, Profile);
        var scored = new ImportanceScorer(Weights, phrases, SignalPhrases.For(Language)).Assess(traits, files, signals);
        var evidence = new Evidence(files, Weights);
        var components = ComponentGrouper.Group(files);
        var analysis = new CommitAnalysis
        {
            Source = AnalysisSource.Rules,
            ChangeTypes = traits.ChangeTypes,
            Scope = traits.Scope,
            Summary = Summary(commit, traits, files),
            Components = components,
            Impact = Impact(evidence),
            Insights = Insights(traits, evidence, components),
            Risks = Risks(traits, evidence),
            Recommendations = Recommendations(traits, evidence),
        };
        return new AnalyzedCommit(files, Watch.Apply(scored, commit, files, Weights, Language), analysis) { Scored = scored };
    }

    /// <summary>Facts about the files that the impact, risk and recommendation texts draw on.</summary>
    private sealed class Evidence(IReadOnlyList<ClassifiedFile> files, ImportanceWeights weights)
    {
        public IReadOnlyList<string> PublicApi { get; } = Paths(files, f => SensitiveFiles.IsPublicApi(f.Change.Path) && f.IsMeaningful);
        public IReadOnlyList<string> Migrations { get; } = Paths(files, f => SensitiveFiles.IsMigration(f.Change.Path));
        public IReadOnlyList<string> Schemas { get; } = Paths(files, f => SensitiveFiles.IsSchema(f.Change.Path));
        public IReadOnlyList<string> Config { get; } = Paths(files, f => f.Role == FileRole.Config);
        public IReadOnlyList<string> Manifests { get; } = Paths(files, f => f.Role == FileRole.DependencyManifest);
        public IReadOnlyList<string> Ci { get; } = Paths(files, f => f.Role == FileRole.CI);
        public bool SourceWithoutTests { get; } = files.Any(f => f.Role == FileRole.Source) && files.All(f => f.Role != FileRole.Test);
        public int MeaningfulLines { get; } = (int)Math.Min(int.MaxValue, files.Where(f => f.IsMeaningful).Sum(f => (long)f.Change.Additions + f.Change.Deletions));
        public bool Large => MeaningfulLines > weights.LargeChange;
        public int Added { get; } = files.Count(f => f.Change.Status == FileStatus.Added);
        public int Renamed { get; } = files.Count(f => f.Change.Status == FileStatus.Renamed);
        public int Deleted { get; } = files.Count(f => f.Change.Status == FileStatus.Deleted);

        private static List<string> Paths(IReadOnlyList<ClassifiedFile> files, Func<ClassifiedFile, bool> predicate) =>
            files.Where(predicate).Select(f => f.Change.Path).Distinct(StringComparer.Ordinal).ToList();
    }

    private List<string> Summary(CommitRecord commit, CommitTraits traits, IReadOnlyList<ClassifiedFile> files)
    {
        var points = BodyPoints(commit.Message).Take(MaxSummaryPoints).ToList();
        if (points.Count == 0)
        {
            var subject = Clean(traits.Subject.Length > 0 ? traits.Subject : commit.Title);
            if (subject.Length > 0)
            {
                points.Add(Clip(subject));
            }
        }
        if (files.Count > 0)
        {
            var roles = files
                .GroupBy(f => f.Role)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key)
                .Select(g => Language == ReportLanguage.En
                    ? $"{g.Count().ToString(CultureInfo.InvariantCulture)} {phrases.Role(g.Key)}"
                    : $"{phrases.Role(g.Key)} {g.Count().ToString(CultureInfo.InvariantCulture)}");
            points.Add(phrases.FilesSummary(
                files.Count,
                string.Join(phrases.ListSeparator, roles),
                (int)Math.Min(int.MaxValue, files.Sum(f => (long)f.Change.Additions)),
                (int)Math.Min(int.MaxValue, files.Sum(f => (long)f.Change.Deletions))));
        }
        return points;
    }

    /// <summary>Bullet lines of the body, or else the sentences of its first paragraph.</summary>
    private static IEnumerable<string> BodyPoints(string message)
    {
        var lines = CommitMessage.BodyLines(message).Select(l => l.Trim()).ToList();
        var bullets = lines
            .Where(l => l.Length > 2 && (l[0] is '-' or '*' or '•' || (char.IsDigit(l[0]) && (l.IndexOf(". ", StringComparison.Ordinal) is > 0 and < 4))))
            .Select(l => Clean(l.TrimStart('-', '*', '•', ' ', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', ')')))
            .Where(l => l.Length > 0)
            .ToList();
        if (bullets.Count > 0)
        {
            return bullets.Select(Clip);
        }
        var paragraph = string.Join(' ', lines.SkipWhile(l => l.Length == 0).TakeWhile(l => l.Length > 0));
        return Sentences(Clean(paragraph)).Select(Clip);
    }

    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] is '。' or '！' or '？' || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || text[i + 1] == ' '));
            if (end)
            {
                var sentence = text[start..(i + 1)].Trim();
                if (sentence.Length > 1)
                {
                    yield return sentence;
                }
                start = i + 1;
            }
        }
        var rest = text[start..].Trim();
        if (rest.Length > 1)
        {
            yield return rest;
        }
    }

    /// <summary>Control characters removed and white space folded: commit text is untrusted.</summary>
    private static string Clean(string text) => Common.PlainText.Fold(text);

    private static string Clip(string text)
    {
        if (text.Length <= MaxPointLength)
        {
            return text;
        }
        var info = new StringInfo(text);
        return info.LengthInTextElements <= MaxPointLength ? text : info.SubstringByTextElements(0, MaxPointLength - 1) + "…";
    }

    private string Some(IReadOnlyList<string> paths) =>
        paths.Count <= MaxPathsShown
            ? string.Join(phrases.ListSeparator, paths)
            : string.Join(phrases.ListSeparator, paths.Take(MaxPathsShown)) + (Language == ReportLanguage.En
                ? $" (+{(paths.Count - MaxPathsShown).ToString(CultureInfo.InvariantCulture)} more)"
                : $" 等 {paths.Count.ToString(CultureInfo.InvariantCulture)} 个");

    private List<string> Impact(Evidence e)
    {
        var impact = new List<string>();
        void Add(IReadOnlyList<string> paths, Func<string, string> sentence)
        {
            if (paths.Count > 0)
            {
                impact.Add(sentence(Some(paths)));
            }
        }
        Add(e.PublicApi, phrases.PublicApiChanged);
        Add(e.Migrations, phrases.MigrationChanged);
        Add(e.Schemas, phrases.SchemaChanged);
        Add(e.Config, phrases.ConfigChanged);
        Add(e.Manifests, phrases.ManifestChanged);
        Add(e.Ci, phrases.CiChanged);
        return impact;
    }

    private TechnicalInsights Insights(CommitTraits traits, Evidence e, IReadOnlyList<ImpactedComponent> components)
    {
        var architecture = new List<Insight>();
        if (components.Count > 1)
        {
            architecture.Add(new(phrases.ArchitectureComponents(components.Count, string.Join(phrases.ListSeparator, components.Select(c => c.Path)))));
        }
        if (e.Added > 0)
        {
            architecture.Add(new(phrases.ArchitectureNewFiles(e.Added)));
        }
        if (e.Renamed > 0)
        {
            architecture.Add(new(phrases.ArchitectureRenames(e.Renamed)));
        }
        if (e.Deleted > 0)
        {
            architecture.Add(new(phrases.ArchitectureDeletions(e.Deleted)));
        }
        var performance = traits.ChangeTypes.Contains(ChangeType.Performance)
            ? new List<Insight> { new(phrases.PerformanceClaimed) }
            : [];
        var security = new List<Insight>();
        if (traits.Security)
        {
            var keyword = traits.SecurityKeyword ?? string.Empty;
            security.Add(new(phrases.SecuritySignal(keyword), CommitClassifier.IsSevereSecurity(keyword) ? "high" : "medium"));
        }
        return new TechnicalInsights(architecture, performance, security);
    }

    /// <summary>The data-backed signals of a commit, each with the risk it carries and the advice it calls for
    /// (either may be absent), in the order they are shown.</summary>
    private List<(string? Risk, string? Advice)> Signals(CommitTraits traits, Evidence e)
    {
        var signals = new List<(string?, string?)>();
        void Add(bool when, string? risk, string? advice)
        {
            if (when)
            {
                signals.Add((risk, advice));
            }
        }
        Add(traits.Breaking, phrases.RiskBreaking, phrases.AdviseBreaking);
        Add(traits.Security, phrases.RiskSecurity(traits.SecurityKeyword ?? string.Empty), phrases.AdviseSecurity);
        Add(traits.Revert, phrases.RiskRevert, phrases.AdviseRevert);
        Add(e.SourceWithoutTests, phrases.RiskNoTests, phrases.AdviseTests);
        Add(e.Migrations.Count > 0 || e.Schemas.Count > 0, phrases.RiskMigration, phrases.AdviseMigration);
        Add(e.PublicApi.Count > 0, phrases.RiskPublicApi, phrases.AdvisePublicApi);
        Add(e.Config.Count > 0, phrases.RiskConfig, phrases.AdviseConfig);
        Add(e.Manifests.Count > 0, phrases.RiskDependencies, phrases.AdviseDependencies);
        Add(e.Large, phrases.RiskLarge(e.MeaningfulLines), phrases.AdviseLarge);
        Add(e.Deleted >= ManyDeletions, phrases.RiskDeletions(e.Deleted), null);
        return signals;
    }

    private List<string> Risks(CommitTraits traits, Evidence e) =>
        Signals(traits, e).Select(s => s.Risk).OfType<string>().ToList();

    private List<string> Recommendations(CommitTraits traits, Evidence e)
    {
        var advice = Signals(traits, e).Select(s => s.Advice).OfType<string>().ToList();
        return advice.Count > 0 ? advice : [phrases.AdviseNothing];
    }
}
