using System.Globalization;
using Gitbrief.Configuration;
using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>The offline analyzer: classifies files, scores importance and writes the analysis text
/// that the data can honestly support. No network, no API key. The reader's watch rules apply last.</summary>
internal sealed class RulesAnalyzer(ImportanceWeights weights, ReportLanguage language, WatchRules? watch = null, RepositoryProfile? profile = null)
{
    private const int MaxSummaryPoints = 5;

    /// <summary>How many of a body's statements are read for the points, as a multiple of the points shown: enough for a
    /// squash merge's list of steps, bounded for a body of release notes.</summary>
    private const int SquashCandidates = 8;
    private const int MaxPointLength = 200;
    private const int MaxPathsShown = 3;
    private const int ManyDeletions = 10;
    private const int MaxQuotedTitle = 80;

    private readonly RulesPhrases phrases = RulesPhrases.For(language);

    public ImportanceWeights Weights { get; } = weights;

    public ReportLanguage Language { get; } = language;

    /// <summary>Where the repository's code lives and changes; empty when the source could not tell.</summary>
    public RepositoryProfile Profile { get; } = profile ?? RepositoryProfile.Empty;

    /// <summary>Analyses the commits of one day: each on its own, then ranked against the rest of the day.</summary>
    public Dictionary<string, AnalyzedCommit> AnalyzeDay(IEnumerable<CommitRecord> commits)
    {
        var day = commits as IReadOnlyList<CommitRecord> ?? commits.ToList();
        var analyses = new Dictionary<string, AnalyzedCommit>(StringComparer.Ordinal);
        foreach (var commit in day)
        {
            analyses.TryAdd(commit.Sha, Analyze(commit));
        }
        DropTemplatePoints(analyses, day);
        new DayRanker(Weights, SignalPhrases.For(Language)).Rank(analyses, day);
        return analyses;
    }

    /// <summary>A statement that the bodies of three or more of the day's commits share word for word is their pull-request
    /// template (verl's "If this PR breaks any API … add [BREAKING]" in eleven commits), not what any of them changed: it
    /// leaves their summaries, and a summary left without a point of the body gets the subject.</summary>
    private void DropTemplatePoints(Dictionary<string, AnalyzedCommit> analyses, IReadOnlyList<CommitRecord> day)
    {
        if (analyses.Count < TemplateRepeats)
        {
            return;
        }
        var bodies = day.Select(commit => BodyPointsOf(commit, analyses[commit.Sha])).ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var body in bodies)
        {
            foreach (var point in body.Distinct(StringComparer.Ordinal))
            {
                counts[point] = counts.GetValueOrDefault(point) + 1;
            }
        }
        var template = counts.Where(c => c.Value >= TemplateRepeats).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (template.Count == 0)
        {
            return;
        }
        for (var i = 0; i < day.Count; i++)
        {
            var (commit, body) = (day[i], bodies[i]);
            var analyzed = analyses[commit.Sha];
            if (!body.Any(template.Contains))
            {
                continue;
            }
            var kept = body.Where(p => !template.Contains(p)).ToList();
            if (kept.Count == 0 && SubjectPoint(PlainSubject(commit, CommitClassifier.Classify(commit, analyzed.Files))) is { } subject)
            {
                kept.Add(subject);
            }
            kept.AddRange(analyzed.Analysis.Summary.Skip(body.Count));
            analyses[commit.Sha] = analyzed with { Analysis = analyzed.Analysis with { Summary = kept } };
        }
    }

    /// <summary>A day's statement shared by this many commits is template text.</summary>
    private const int TemplateRepeats = 3;

    /// <summary>The summary's points from the message: all but the closing count of files, when the commit has files.</summary>
    private static List<string> BodyPointsOf(CommitRecord commit, AnalyzedCommit analyzed)
    {
        var summary = analyzed.Analysis.Summary;
        return summary.Take(commit.Files.Count > 0 ? summary.Count - 1 : summary.Count).ToList();
    }

    /// <summary>The repository's watch rules (global, then its own).</summary>
    public WatchRules Watch { get; } = watch ?? WatchRules.None;

    public AnalyzedCommit Analyze(CommitRecord commit)
    {
        // The rules read the changed lines up to four times (comments only, inline tests, an API break, a submodule).
        commit = commit.WithLinesDecoded();
        var files = FileClassifier.Classify(commit.Files, Profile.OwnBundleRoots);
        var traits = CommitClassifier.Classify(commit, files);
        var found = CommitSignals.Read(commit, traits, files, Profile);
        var scored = new ImportanceScorer(Weights, phrases, SignalPhrases.For(Language)).Assess(traits, files, found);
        var evidence = new Evidence(commit, files, TextSignals.Of(files, found));
        var components = ComponentGrouper.Group(files);
        var signals = Signals(commit, traits, evidence);
        var analysis = new CommitAnalysis
        {
            Source = AnalysisSource.Rules,
            ChangeTypes = traits.ChangeTypes,
            Scope = traits.Scope,
            Summary = Summary(commit, traits, files),
            Components = components,
            Impact = Impact(evidence),
            Insights = Insights(traits, evidence, components),
            Risks = signals.Select(s => s.Risk).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            Recommendations = signals.Select(s => s.Advice).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
        };
        return new AnalyzedCommit(files, Watch.Apply(scored, commit, files, Weights, Language), analysis) { Scored = scored };
    }

    /// <summary>Facts about the files that the impact, risk and recommendation texts draw on. Impact statements name
    /// every file of a kind; risks and advice only the files in the core of the repository.
    /// An API file whose changed lines are only comments and docstrings changes no API: it gets no API advice.</summary>
    private sealed class Evidence(CommitRecord commit, IReadOnlyList<ClassifiedFile> files, TextSignals signals)
    {
        public IReadOnlyList<ClassifiedFile> Files { get; } = files;
        public TextSignals Signals { get; } = signals;
        /// <summary>The public API files whose change is more than comments and docstrings; the core's are among them (the
        /// core's files are meaningful ones), so their lines are read once.</summary>
        public IReadOnlyList<string> PublicApi { get; } = Paths(files, f => f.IsPublicApi && f.IsMeaningful && !CodeLines.OnlyCommentsIn(commit, f.Change.Path));
        public IReadOnlyList<string> Migrations { get; } = Paths(files, f => SensitiveFiles.IsMigrationOrSchema(f.Change.Path));
        public IReadOnlyList<string> Config { get; } = Paths(files, f => f.Role == FileRole.Config);
        public IReadOnlyList<string> Manifests { get; } = Paths(files, f => f.Role == FileRole.DependencyManifest);
        public IReadOnlyList<string> Ci { get; } = Paths(files, f => f.Role == FileRole.CI);
        public IReadOnlyList<string> CorePublicApi => PublicApi.Count == 0 ? [] : Paths(Signals.Core, f => PublicApi.Contains(f.Change.Path));

        /// <summary>Configuration that sets what the product does (not data files or tool dotfiles such as .gitignore).</summary>
        public IReadOnlyList<string> CoreConfig { get; } = Paths(signals.Core, f => f.Role == FileRole.Config && SensitiveFiles.IsSettings(f.Change.Path));

        /// <summary>Only dependency manifests and lockfiles changed.</summary>
        public bool DependenciesOnly { get; } = files.Any(f => f.Role == FileRole.DependencyManifest) &&
            files.All(f => f.Role is FileRole.DependencyManifest or FileRole.Lockfile);
        public IReadOnlyList<string> CoreManifests { get; } = Paths(signals.Core, f => f.Role == FileRole.DependencyManifest);
        public IReadOnlyList<string> CoreSource { get; } = Paths(signals.Core, f => f.Role == FileRole.Source);
        public int CoreSourceAdded { get; } = Lines(signals.Core.Where(f => f.Role == FileRole.Source), f => f.Change.Additions);
        public int CoreLines { get; } = Lines(signals.Core, f => (long)f.Change.Additions + f.Change.Deletions);
        public bool TestsChanged { get; } = files.Any(f => f.Role == FileRole.Test);
        public int Added { get; } = files.Count(f => f.Change.Status == FileStatus.Added);
        public int Renamed { get; } = files.Count(f => f.Change.Status == FileStatus.Renamed);
        public IReadOnlyList<ClassifiedFile> Deleted { get; } = files.Where(f => f.Change.Status == FileStatus.Deleted).ToList();

        private static int Lines(IEnumerable<ClassifiedFile> files, Func<ClassifiedFile, long> lines) =>
            (int)Math.Min(int.MaxValue, files.Sum(lines));
    }

    private List<string> Summary(CommitRecord commit, CommitTraits traits, IReadOnlyList<ClassifiedFile> files)
    {
        var subject = PlainSubject(commit, traits);
        // A squash merge lists its commits: "fix(checkpoint): save all VLM PEFT pipeline parts" tells the reader more than
        // the dozen "test(checkpoint): …" and "ci: …" steps before it, so those come last (the order otherwise kept).
        // A stable partition, not a LINQ sort of the candidates by a key of two values.
        var points = new List<string>(MaxSummaryPoints + 1);
        var steps = new List<string>();
        foreach (var candidate in BodyPoints(commit.Message, [subject, commit.Title]).Take(MaxSummaryPoints * SquashCandidates))
        {
            (PointText.IsSupportingStep(candidate) ? steps : points).Add(candidate);
        }
        points.AddRange(steps);
        if (points.Count > MaxSummaryPoints)
        {
            points.RemoveRange(MaxSummaryPoints, points.Count - MaxSummaryPoints);
        }
        if (points.Count == 0 && SubjectPoint(subject) is { } point)
        {
            points.Add(point);
        }
        if (files.Count > 0)
        {
            var roles = RoleCounts.Of(files)
                .Select(g => Language == ReportLanguage.En
                    ? $"{g.Count.ToString(CultureInfo.InvariantCulture)} {phrases.Role(g.Role)}"
                    : $"{phrases.Role(g.Role)} {g.Count.ToString(CultureInfo.InvariantCulture)}");
            points.Add(phrases.FilesSummary(
                files.Count,
                string.Join(phrases.ListSeparator, roles),
                (int)Math.Min(int.MaxValue, files.Sum(f => (long)f.Change.Additions)),
                (int)Math.Min(int.MaxValue, files.Sum(f => (long)f.Change.Deletions))));
        }
        return points;
    }

    private static string PlainSubject(CommitRecord commit, CommitTraits traits) =>
        MessageBody.Plain(traits.Subject.Length > 0 ? traits.Subject : commit.Title);

    /// <summary>The title's subject as a point, for a body that says nothing more: without the "(#20780)" the table and the
    /// heading already show.</summary>
    private static string? SubjectPoint(string subject) =>
        CommitMessage.WithoutPullRequestNumber(subject).TrimEnd() is { Length: > 0 } point ? PointText.Clip(point, MaxPointLength) : null;

    /// <summary>The statements of the body in the order written: each list item whole, each paragraph's sentences
    /// (without the lead-in that ends with a colon), none repeating the title; each clipped at a sentence or word end.</summary>
    private static IEnumerable<string> BodyPoints(string message, IEnumerable<string> titles)
    {
        var seen = titles.Select(Key).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var block in MessageBody.Read(message))
        {
            var statements = block.IsItem
                ? [block.Text]
                : PointText.Sentences(block.Text).Where(s => !s.EndsWith(':') && !s.EndsWith('：') && !MessageBody.IsNoiseStatement(s));
            foreach (var statement in statements)
            {
                var key = Key(statement);
                if (key.Length > 0 && seen.Add(key))
                {
                    yield return PointText.Clip(statement, MaxPointLength);
                }
            }
        }
    }

    /// <summary>What two statements must share to be the same: their letters and digits, without a "(#123)" suffix.</summary>
    private static string Key(string text)
    {
        var end = text.LastIndexOf("(#", StringComparison.Ordinal);
        var core = end > 0 && text.TrimEnd().EndsWith(')') ? text.AsSpan(0, end) : text.AsSpan();
        // The letters and digits gathered in one buffer, lower-cased into the key: one string a statement.
        var kept = core.Length <= 256 ? stackalloc char[core.Length] : new char[core.Length];
        var count = 0;
        foreach (var c in core)
        {
            if (char.IsLetterOrDigit(c))
            {
                kept[count++] = c;
            }
        }
        return count == 0 ? string.Empty : string.Create(count, kept[..count], static (key, letters) => letters.ToLowerInvariant(key));
    }

    /// <summary>The first few names and how many there are in all; null when there is none.</summary>
    private string? Some(IReadOnlyList<string> names, bool components = false) =>
        names.Count == 0 ? null
        : names.Count <= MaxPathsShown
            ? string.Join(phrases.ListSeparator, names)
            : string.Join(phrases.ListSeparator, names.Take(MaxPathsShown)) + phrases.More(MaxPathsShown, names.Count, components);

    /// <summary>The components (directories) of the files, largest first; a file at the root is named itself.</summary>
    private string? ComponentsOf(IReadOnlyList<ClassifiedFile> files)
    {
        var components = ComponentGrouper.Group(files);
        var names = components.SelectMany(c => c.Path == ComponentGrouper.Root
                ? files.Where(f => !f.Change.Path.Contains('/', StringComparison.Ordinal)).Select(f => f.Change.Path)
                : [c.Path])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return Some(names, components: true);
    }

    private List<string> Impact(Evidence e)
    {
        var impact = new List<string>();
        void Add(IReadOnlyList<string> paths, Func<string, string> sentence)
        {
            if (Some(paths) is { } named)
            {
                impact.Add(sentence(named));
            }
        }
        Add(e.PublicApi, phrases.PublicApiChanged);
        Add(e.Migrations.Where(SensitiveFiles.IsMigration).ToList(), phrases.MigrationChanged);
        Add(e.Migrations.Where(p => !SensitiveFiles.IsMigration(p)).ToList(), phrases.SchemaChanged);
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
        if (e.Deleted.Count > 0)
        {
            architecture.Add(new(phrases.ArchitectureDeletions(e.Deleted.Count)));
        }
        var performance = traits.ChangeTypes.Contains(ChangeType.Performance)
            ? new List<Insight> { new(phrases.PerformanceClaimed(ComponentsOf(e.Signals.Core.Count > 0 ? e.Signals.Core : e.Files))) }
            : [];
        var security = new List<Insight>();
        if (traits.Security)
        {
            var keyword = traits.SecurityKeyword ?? string.Empty;
            security.Add(new(phrases.SecuritySignal(keyword), CommitClassifier.IsSevereSecurity(keyword) ? "high" : "medium"));
        }
        return new TechnicalInsights(architecture, performance, security);
    }

    /// <summary>The risks and the advice of a commit, each backed by a specific signal and naming the file, component
    /// or commit it is about (either may be absent), in the order they are shown. Nothing is said for want of a signal.</summary>
    private List<(string? Risk, string? Advice)> Signals(CommitRecord commit, CommitTraits traits, Evidence e)
    {
        var s = e.Signals;
        var signals = new List<(string?, string?)>();
        void Add(bool when, Func<string?> risk, Func<string?> advice)
        {
            if (when)
            {
                signals.Add((risk(), advice()));
            }
        }
        var subject = phrases.Quote(PointText.Clip(MessageBody.Plain(traits.Subject.Length > 0 ? traits.Subject : commit.Title), MaxQuotedTitle));
        // What a breaking, security or hardening change touched: worked out (over every file of the commit) only for one.
        var touched = new Lazy<string>(() =>
        {
            var meaningful = e.Files.Where(f => f.IsMeaningful).ToList();
            return Some(Paths(s.Core.Count > 0 ? s.Core : meaningful.Count > 0 ? meaningful : e.Files)) ?? subject;
        }, LazyThreadSafetyMode.None);
        var affected = new Lazy<string>(() => traits.Scope ?? ComponentsOf(s.Core.Count > 0 ? s.Core : e.Files) ?? subject, LazyThreadSafetyMode.None);
        var reverted = TextSignals.Reverted(commit.Title) is { } title ? phrases.Quote(PointText.Clip(title, MaxQuotedTitle)) : phrases.AnEarlierCommit;

        Add(traits.Breaking, () => phrases.RiskBreaking(affected.Value), () => phrases.AdviseBreaking(affected.Value));
        Add(traits.Security, () => phrases.RiskSecurity(traits.SecurityKeyword ?? string.Empty, touched.Value), () => phrases.AdviseSecurity(touched.Value, !s.Peripheral));
        Add(s.Hardening && !traits.Security, () => phrases.RiskHardening(touched.Value), () => phrases.AdviseHardening(touched.Value));
        Add(traits.Revert, () => phrases.RiskRevert(reverted), () => phrases.AdviseRevert(reverted));
        // Tests added inside the source files (Rust's #[test], Java's @Test…) are a test change too: their lines are read
        // only for a commit that would otherwise be noted.
        Add(!e.TestsChanged && !s.Trivial && !s.ReleaseVersion && e.CoreSourceAdded > Weights.SmallChange && !CodeLines.AddsInlineTests(commit),
            () => phrases.RiskNoTests(Some(e.CoreSource)!, e.CoreSourceAdded), () => phrases.AdviseTests(Some(e.CoreSource)!));
        Add(e.Migrations.Count > 0, () => phrases.RiskMigration(Some(e.Migrations)!), () => phrases.AdviseMigration(Some(e.Migrations)!));
        Add(e.CorePublicApi.Count > 0, () => phrases.RiskPublicApi(Some(e.CorePublicApi)!), () => phrases.AdvisePublicApi(Some(e.CorePublicApi)!));
        var defaults = Some(e.CoreConfig.Count > 0 ? e.CoreConfig : e.CoreSource);
        Add(s.Defaults && defaults is not null, () => phrases.RiskDefaults(defaults!), () => phrases.AdviseDefaults(defaults!));
        Add(!s.Defaults && e.CoreConfig.Count > 0, () => phrases.RiskConfig(Some(e.CoreConfig)!), () => phrases.AdviseConfig(Some(e.CoreConfig)!));
        var bump = TextSignals.Bump(MessageBody.Plain(traits.Subject));
        // A manifest edited beside the code (a new feature flag, a workspace member) is not a dependency change.
        var dependencyChange = bump is not null || e.DependenciesOnly || traits.ChangeTypes.Contains(ChangeType.Dependencies);
        Add(e.CoreManifests.Count > 0 && !s.ReleaseVersion && dependencyChange,
            () => phrases.RiskDependencies(Some(e.CoreManifests)!, bump), () => phrases.AdviseDependencies(Some(e.CoreManifests)!, bump));
        Add(e.CoreLines > Weights.LargeChange,
            () => phrases.RiskLarge(e.CoreLines, ComponentsOf(s.Core)!), () => phrases.AdviseLarge(ComponentsOf([.. s.Core.OrderByDescending(f => (long)f.Change.Additions + f.Change.Deletions).Take(1)])!));
        Add(e.Deleted.Count >= ManyDeletions, () => phrases.RiskDeletions(e.Deleted.Count, ComponentsOf(e.Deleted)!), () => null);
        return signals;
    }

    /// <summary>The paths of the files (those <paramref name="predicate"/> takes), each once, in their order: one pass, not a
    /// chain of iterators whose list Native AOT's LINQ grows by doubling.</summary>
    private static IReadOnlyList<string> Paths(IEnumerable<ClassifiedFile> files, Func<ClassifiedFile, bool>? predicate = null)
    {
        // Most of a commit's dozen lists of paths are empty: the set and the list are made for the first path only.
        HashSet<string>? seen = null;
        List<string>? paths = null;
        foreach (var file in files)
        {
            if ((predicate is null || predicate(file)) && (seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(file.Change.Path))
            {
                (paths ??= []).Add(file.Change.Path);
            }
        }
        return paths ?? (IReadOnlyList<string>)[];
    }
}
