using System.Text;
using Gitbrief.Analysis.Llm;
using Gitbrief.Analysis;
using Gitbrief.Common;
using Gitbrief.Output;
using Gitbrief.Publishing;
using Gitbrief.Rendering;
using Gitbrief.Reports;
using Gitbrief.Sources.GitHubApi;
using Gitbrief.Sources;
using Gitbrief.Store;

namespace Gitbrief.Pipeline;

/// <summary>Runs the report pipeline for every repository of a request: fetch or open, read the window's
/// commits with one git call, analyse, build one report per repository-day, render and write it.
/// Repositories run in parallel (bounded); one failing never stops the others.</summary>
public sealed class ReportJob(ReportRequest request, IRunObserver? observer = null)
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly IRunObserver observer = observer ?? SilentObserver.Instance;

    public async Task<RunSummary> RunAsync(CancellationToken cancellationToken)
    {
        if (request.Languages.Count > 1)
        {
            return await RunEachLanguageAsync(cancellationToken).ConfigureAwait(false);
        }
        var mirrors = new MirrorCache(request.CacheDirectory, MirrorCache.TokenFromEnvironment(), request.PartialClone);
        using var github = new GitHubApiClients(request.CacheDirectory, request.GitHubToken);
        // The store opens while git is read; it is first needed when a repository's days are claimed.
        var ledger = OpenLedgerAsync(cancellationToken);
        await using var opened = new StoreOwner(ledger);
        await using var llm = request.Llm is { } options ? new LlmStage(options, (await ledger.ConfigureAwait(false)).Store, request.Language) : null;
        using var gate = new SemaphoreSlim(Math.Max(1, request.MaxParallelRepositories));
        var tasks = request.Repositories.Select(async spec =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await RunRepositoryAsync(spec, mirrors, github, ledger, llm, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        var outcomes = await Task.WhenAll(tasks).ConfigureAwait(false);
        var summary = new RunSummary(outcomes) { Llm = llm?.Total, LlmFallbacks = llm?.Fallbacks ?? [] };
        await FinishAsync(ledger, summary.ExitCode).ConfigureAwait(false);
        return summary;
    }

    /// <summary><c>language: [zh, en]</c>: the whole run once per language, one after the other (a mirror is fetched
    /// again, which finds nothing new; LLM answers are cached per language), the outcomes put together.</summary>
    private async Task<RunSummary> RunEachLanguageAsync(CancellationToken cancellationToken)
    {
        var summaries = new List<RunSummary>();
        foreach (var language in request.Languages)
        {
            summaries.Add(await new ReportJob(request.InLanguage(language), observer).RunAsync(cancellationToken).ConfigureAwait(false));
        }
        return RunSummary.Combine(summaries);
    }

    /// <summary>Closes the run in the history. When the store failed, only the history misses this line: the
    /// repositories that needed the store said why they failed.</summary>
    private static async Task FinishAsync(Task<RunLedger> ledger, int exitCode)
    {
        try
        {
            var opened = await ledger.ConfigureAwait(false);
            if (opened.Store is { } store)
            {
                await store.FinishRunAsync(opened.RunId, exitCode, DateTimeOffset.UtcNow, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (EnvironmentException)
        {
        }
    }

    private async Task<RunLedger> OpenLedgerAsync(CancellationToken cancellationToken)
    {
        if (request.DryRun)
        {
            return new RunLedger(null, 0, null);
        }
        await Task.Yield();
        var store = request.SharedStore ?? await StoreFactory.OpenAsync(request.Store, cancellationToken).ConfigureAwait(false);
        try
        {
            var runId = await store.StartRunAsync("report", DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
            return new RunLedger(store, runId, new ClaimKeeper(store)) { OwnsStore = request.SharedStore is null };
        }
        catch
        {
            if (request.SharedStore is null)
            {
                await store.DisposeAsync().ConfigureAwait(false);
            }
            throw;
        }
    }

    /// <summary>The run's store (null for dry runs), its id in the run history, and its claims.</summary>
    private sealed record RunLedger(IGitbriefStore? Store, long RunId, ClaimKeeper? Claims)
    {
        /// <summary>Whether the run opened the store (and closes it), rather than being given a shared one.</summary>
        public bool OwnsStore { get; init; }
    }

    /// <summary>Disposes the claims and the store once they have opened (or after their opening failed).</summary>
    private sealed class StoreOwner(Task<RunLedger> ledger) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                var opened = await ledger.ConfigureAwait(false);
                if (opened.Claims is { } claims)
                {
                    await claims.DisposeAsync().ConfigureAwait(false);
                }
                if (opened is { Store: { } store, OwnsStore: true })
                {
                    await store.DisposeAsync().ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or GitbriefException or IOException)
            {
                // Opening failed: the run already reported it.
            }
        }
    }

    /// <summary>One repository of the run, in named steps: open it, claim its days, read its commits, analyse them,
    /// then report each day. A failure of the repository is its outcome's error; the other repositories go on.</summary>
    private async Task<RepositoryOutcome> RunRepositoryAsync(
        RepositorySpec spec, MirrorCache mirrors, GitHubApiClients github, Task<RunLedger> ledger, LlmStage? llm, CancellationToken cancellationToken)
    {
        var name = spec.DisplayName;
        var reports = new List<ReportOutput>();
        try
        {
            var opened = await LocateAsync(spec, mirrors, github, cancellationToken).ConfigureAwait(false);
            if (llm is not null && opened.History is GitHistory git)
            {
                // The LLM reads each commit's patch from the window's one git read, not from a git show of its own.
                git.KeepPatches();
            }

            // Claim the repository's days before analysing or writing them: a run doing the same days at the same time
            // waits there, then finds the LLM answers cached and the deliveries made. Reading git is harmless twice,
            // so it goes on while the store opens and the claims are taken.
            var units = UnitsOf(spec, opened, llm);
            var claiming = ClaimAsync(ledger, name, [.. units.Values], cancellationToken);
            WindowCommits read;
            try
            {
                read = await ReadWindowAsync(spec, opened, github, ledger, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await GiveUpAsync(claiming).ConfigureAwait(false);
                throw;
            }
            if (!request.DryRun && (opened.Days.Count >= ManyDays || read.Commits.Any(c => c.Files.Count >= WideCommitCounts.MinFiles)))
            {
                // A wide commit's report will be hashed by OpenSSL, and so will many days' reports (a backfill): loaded now, on
                // the core the rules leave idle, not when the first report is done.
                Sha256.Prepare();
            }
            await using var held = await claiming.ConfigureAwait(false);
            var analysis = await AnalyseAsync(spec, opened, units, read, llm, cancellationToken).ConfigureAwait(false);
            var failures = await ReportDaysAsync(spec, opened.Days, units, read, analysis, (await ledger.ConfigureAwait(false), held), reports, cancellationToken)
                .ConfigureAwait(false);
            observer.StageChanged(name, failures.Count == 0 ? RunStage.Done : RunStage.Failed,
                $"{read.Commits.Count} commits, {reports.Count} day(s){(failures.Count == 0 ? "" : $", {failures.Count} day(s) not reported")}");
            return new RepositoryOutcome(name, reports, null) { FailedDays = failures };
        }
        catch (Exception e) when (e is GitbriefException or IOException or UnauthorizedAccessException)
        {
            var message = e is GitbriefException ? e.Message : EnvironmentFaults.DescribeAny(e)!;
            observer.StageChanged(name, RunStage.Failed, message);
            return new RepositoryOutcome(name, reports, message);
        }
    }

    /// <summary>Step 1: the repository opened (fetched, or found on disk, or on the GitHub API), its branch, web links
    /// and the days of the window.</summary>
    private async Task<OpenedRepository> LocateAsync(RepositorySpec spec, MirrorCache mirrors, GitHubApiClients github, CancellationToken cancellationToken)
    {
        var history = await OpenAsync(spec, mirrors, github, cancellationToken).ConfigureAwait(false);
        var origin = spec.Address.RemoteUrl is null ? history.OriginUrlAsync(cancellationToken) : Task.FromResult<string?>(spec.Address.RemoteUrl);
        if (history is GitHistory git && string.IsNullOrWhiteSpace(spec.Branch) && !request.Window.Latest)
        {
            // The days are known without git and the revision is HEAD: the window's list runs beside the branch lookup.
            var known = DaysOf(request.Window);
            git.StartListing(GitHistory.Head, known[0].Start, known[^1].EndExclusive, spec.FirstParent, cancellationToken);
        }
        var (revision, branch) = await history.ResolveBranchAsync(spec.Branch, cancellationToken).ConfigureAwait(false);
        var links = WebLinks.FromRemote(await origin.ConfigureAwait(false), spec.Host);
        var days = await DaysAsync(history, revision, spec, cancellationToken).ConfigureAwait(false);
        return new OpenedRepository(history, revision, branch, links, days, spec.Address.RemoteUrl ?? spec.Address.LocalPath ?? spec.DisplayName);
    }

    /// <summary>Step 2: the repository-day units of the window, keyed by the settings that change their output.</summary>
    private Dictionary<DateOnly, WorkUnitKey> UnitsOf(RepositorySpec spec, OpenedRepository opened, LlmStage? llm)
    {
        var variant = Variant(spec, opened.Branch, llm);
        return opened.Days.ToDictionary(d => d.Date, d => new WorkUnitKey(opened.UnitKey, d.Date, request.TimeZone.Id, variant));
    }

    /// <summary>Step 3: the window's commits (with their pull requests and changed lines when asked for), the days that
    /// could not be read, and the repository's file layout.</summary>
    private async Task<WindowCommits> ReadWindowAsync(
        RepositorySpec spec, OpenedRepository opened, GitHubApiClients github, Task<RunLedger> ledger, CancellationToken cancellationToken)
    {
        var (history, revision, _, links, days, unitKey) = opened;
        observer.StageChanged(spec.DisplayName, RunStage.Reading, $"{days[0].IsoDate} … {days[^1].IsoDate}");
        // Where the repository's code lives and changes (its core and periphery), read beside the commits once git
        // has listed some (or taken from the store); a window without commits never starts it.
        using var layoutCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var layout = history is GitHistory git
            ? ProfileSource.ReadAsync(git, revision, days[^1], spec.FirstParent, CacheOf(ledger), unitKey, layoutCancellation.Token)
            : Task.FromResult(RepositoryProfile.Empty);
        try
        {
            var (commits, unreadable) = await ReadAsync(history, revision, days, spec.FirstParent, cancellationToken).ConfigureAwait(false);
            commits = await EnrichAsync(spec, links, github, commits, cancellationToken).ConfigureAwait(false);
            var profile = commits.Count == 0 ? await AbandonAsync(layout, layoutCancellation).ConfigureAwait(false) : await layout.ConfigureAwait(false);
            return new WindowCommits(commits, commits.ToLookup(c => ReportDay.DateOf(c.CommittedAt, request.TimeZone)), unreadable, profile);
        }
        catch
        {
            await AbandonAsync(layout, layoutCancellation).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Step 4: every commit analysed by the rules, day by day, then by the LLM when it is on.</summary>
    private async Task<RepositoryAnalysis> AnalyseAsync(
        RepositorySpec spec, OpenedRepository opened, IReadOnlyDictionary<DateOnly, WorkUnitKey> units, WindowCommits read, LlmStage? llm,
        CancellationToken cancellationToken)
    {
        var rules = new RulesAnalyzer(request.Weights, request.Language, request.WatchOf(spec), read.Profile);
        // Days are analysed on their own (each commit, then ranked against its day), so a window of many days uses every
        // core; the analyses are gathered in the order of the days, as one after the other would.
        var days = read.ByDay.ToList();
        var byDay = new Dictionary<string, AnalyzedCommit>[days.Count];
        Parallel.For(0, days.Count, new ParallelOptions { MaxDegreeOfParallelism = DayWorkers(days.Count), CancellationToken = cancellationToken },
            i => byDay[i] = rules.AnalyzeDay(days[i]));
        var analyses = new Dictionary<string, AnalyzedCommit>(StringComparer.Ordinal);
        foreach (var (sha, analyzed) in byDay.SelectMany(d => d))
        {
            analyses.TryAdd(sha, analyzed);
        }
        var links = opened.Links;
        var repository = new ReportRepository(DisplayName(spec, links), links.Kind == HostKind.None ? null : links.BaseUrl, opened.Branch);
        var analysis = new RepositoryAnalysis(new ReportBuilder(rules, links), repository, analyses, null);
        if (llm is null)
        {
            observer.StageChanged(spec.DisplayName, RunStage.Analysing, $"{read.Commits.Count} commits");
            return analysis;
        }
        observer.StageChanged(spec.DisplayName, RunStage.Analysing, $"{read.Commits.Count} commits with {llm.Model}");
        var llmRepository = new LlmRepository(opened.UnitKey, repository.Name, opened.History.Patches) { Weights = rules.Weights, Watch = rules.Watch };
        return analysis with { Llm = await llm.RunAsync(llmRepository, read.Commits, read.ByDay, analyses, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>How many days are analysed or reported at once: one per core (a single day, or a single core, runs alone).</summary>
    private static int DayWorkers(int days) => Math.Clamp(Math.Min(days, Environment.ProcessorCount), 1, 4);

    /// <summary>Step 5: each day of the window reported (or recorded as failed when it could not be read), on every core at
    /// once; each day is kept in the store, recorded and its claim released in one transaction as soon as its files are
    /// written, so a run killed midway keeps every day it finished. The reports are returned in the order of the days;
    /// returns the days that failed.</summary>
    private async Task<List<DayFailure>> ReportDaysAsync(
        RepositorySpec spec, IReadOnlyList<ReportDay> days, IReadOnlyDictionary<DateOnly, WorkUnitKey> units, WindowCommits read, RepositoryAnalysis analysis,
        (RunLedger Ledger, HeldClaims? Held) run, List<ReportOutput> reports, CancellationToken cancellationToken)
    {
        var done = new (ReportOutput? Output, DayFailure? Failure)[days.Count];
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, days.Count),
                new ParallelOptions { MaxDegreeOfParallelism = DayWorkers(days.Count), CancellationToken = cancellationToken },
                async (i, token) => done[i] = await ReportOneDayAsync(spec, days[i], units[days[i].Date], read, analysis, run, token).ConfigureAwait(false))
                .ConfigureAwait(false);
        }
        finally
        {
            // What finished is the repository's outcome even when another day failed.
            reports.AddRange(done.Select(d => d.Output).OfType<ReportOutput>());
        }
        return [.. done.Select(d => d.Failure).OfType<DayFailure>()];
    }

    /// <summary>One day of <see cref="ReportDaysAsync"/>: reported, or its failure to be read recorded.</summary>
    private async Task<(ReportOutput? Output, DayFailure? Failure)> ReportOneDayAsync(
        RepositorySpec spec, ReportDay day, WorkUnitKey unit, WindowCommits read, RepositoryAnalysis analysis, (RunLedger Ledger, HeldClaims? Held) run,
        CancellationToken cancellationToken)
    {
        var (store, runId, _) = run.Ledger;
        if (read.Unreadable.TryGetValue(day.Date, out var reason))
        {
            var failed = new WorkUnitRecord(unit, WorkUnitStatus.Failed, 0, null, reason, runId, DateTimeOffset.UtcNow);
            await CompleteAsync(store, run.Held, new UnitCompletion(failed, []), cancellationToken).ConfigureAwait(false);
            return (null, new DayFailure(day.Date, reason));
        }
        var (report, published) = RenderDay(spec, day, read, analysis);
        var large = published.Json.Length >= LargeReportBytes;
        // The store keeps the JSON with its SHA-256: a large report's (megabytes, hashed by OpenSSL) is taken on another core.
        // A large report's files are written on another core too, from before the collection below (the hash and the
        // writes run outside managed code, which it does not stop) until the store has taken the report in, its transaction
        // committing once they are written (bench/README.md, "wide7"); a day of ordinary size writes its files first, so that
        // the store's connection is not held meanwhile.
        var jsonHash = store is not null && published.Json.Length > Sha256.ManagedLimit
            ? Task.Run(() => Sha256.HexOf(published.Json.Span), cancellationToken)
            : null;
        var writing = request.DryRun ? Task.FromResult<IReadOnlyList<string>>([])
            : large ? Task.Run(() => DirTarget.WriteAsync(request.OutputDirectory, published, request.Formats, cancellationToken), cancellationToken)
            : DirTarget.WriteAsync(request.OutputDirectory, published, request.Formats, cancellationToken);
        if (large)
        {
            // What reading, ranking and rendering a commit of many thousand files allocated is garbage by now: given back
            // before SQLite makes its own copies of the report, the run peaks lower (bench/README.md, "wide3").
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        else
        {
            await writing.ConfigureAwait(false);
        }
        var cost = report.Llm;
        var record = new WorkUnitRecord(unit, WorkUnitStatus.Done, report.Entries.Count, published.Hash, null, runId, DateTimeOffset.UtcNow)
        {
            LlmUsage = cost?.Usage,
            LlmWallTime = cost?.WallTime,
        };
        try
        {
            var kept = store is null ? [] : Kept(unit, spec, published, runId, jsonHash is null ? null : await jsonHash.ConfigureAwait(false));
            await CompleteAsync(store, run.Held, new UnitCompletion(record, kept) { Written = writing }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A file that could not be written is the day's failure, as when the files were written before the store was asked.
            await writing.ConfigureAwait(false);
            throw;
        }
        var files = await writing.ConfigureAwait(false);
        var output = new ReportOutput(spec.DisplayName, report.Day.Date, report.Entries.Count, files, request.DryRun ? published.Markdown : null)
        {
            Hash = published.Hash,
            Partial = report.Partial,
            Published = published,
        };
        return (output, null);
    }

    /// <summary>A report whose JSON is this large (a commit touching some 8,000 files or more, far beyond a day of
    /// ordinary commits) has the garbage of its making collected before the store keeps it: a full, compacting collection
    /// that gives the freed memory back (~30 ms for the 20,000-file commit, 10 MiB less at its peak).</summary>
    private const int LargeReportBytes = 2 << 20;

    /// <summary>A run of this many days or more (a backfill) hashes its reports with OpenSSL: loading it costs a few
    /// milliseconds once, the managed SHA-256 a few percent of every day's CPU (bench/README.md, "history7").</summary>
    private const int ManyDays = 8;

    /// <summary>Writes a finished unit to the store with the release of its claim, in one transaction (nothing for a dry
    /// run); the claim is then no longer held.</summary>
    private static async Task CompleteAsync(IGitbriefStore? store, HeldClaims? held, UnitCompletion completion, CancellationToken cancellationToken)
    {
        if (store is null)
        {
            return;
        }
        var claim = ClaimKey.Work(completion.Record.Key);
        var releases = held is not null && held.Holds(claim);
        await store.CompleteAsync(releases ? completion with { Claim = claim, Owner = held!.Owner } : completion, cancellationToken).ConfigureAwait(false);
        if (releases)
        {
            held!.Released(claim);
        }
    }

    /// <summary>One day: its report built from the analyses and rendered (its files are written by the <c>dir</c> target's
    /// writer, the one place that writes report files; nothing for a dry run).</summary>
    private (DailyReport Report, PublishedReport Published) RenderDay(RepositorySpec spec, ReportDay day, WindowCommits read, RepositoryAnalysis analysis)
    {
        var commits = read.ByDay[day.Date];
        var llm = analysis.Llm;
        var report = analysis.Builder.Build(day, analysis.Repository, commits, c => analysis.Analyses[c.Sha], llm?.HighlightsOf(day.Date), llm?.ThemesOf(day.Date))
            with { Partial = day.EndExclusive > request.Now, Llm = llm?.InfoOf(day.Date, commits) };
        observer.StageChanged(spec.DisplayName, RunStage.Rendering, day.IsoDate);
        return (report, Render(spec, report));
    }

    /// <summary>Stops reading the repository's profile (its git processes, if any started, are killed) and waits for that
    /// to end.</summary>
    private static async Task<RepositoryProfile> AbandonAsync(Task<RepositoryProfile> layout, CancellationTokenSource cancellation)
    {
        await cancellation.CancelAsync().ConfigureAwait(false);
        try
        {
            await layout.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or GitbriefException or IOException)
        {
            // what was asked for, or a failure nobody needs to hear of
        }
        return RepositoryProfile.Empty;
    }

    /// <summary>Where kept repository profiles are looked up: the run's store once it has opened; none for dry runs or
    /// when it failed to open (the repository's claims report that).</summary>
    private static async Task<IAnalysisCache?> CacheOf(Task<RunLedger> ledger)
    {
        try
        {
            return (await ledger.ConfigureAwait(false)).Store;
        }
        catch (Exception e) when (e is OperationCanceledException or GitbriefException or IOException)
        {
            return null;
        }
    }

    /// <summary>The settings that change a unit's output, folded into its key.</summary>
    private string Variant(RepositorySpec spec, string branch, LlmStage? llm)
    {
        List<string> settings = [branch, spec.FirstParent ? "first-parent" : "no-merges", request.Language.ToString(), llm is null ? "rules" : "llm:" + llm.Model];
        if (spec.Source == SourceKind.GitHubApi)
        {
            settings.Add("github-api");
        }
        if (spec.EnrichPullRequests)
        {
            settings.Add("pull-requests");
        }
        return WorkUnitKey.VariantOf([.. settings]);
    }

    /// <summary>Claims the repository-day units (none for dry runs), waiting while another run holds any of them.</summary>
    private async Task<HeldClaims?> ClaimAsync(Task<RunLedger> ledger, string name, IReadOnlyList<WorkUnitKey> units, CancellationToken cancellationToken)
    {
        var (_, _, claims) = await ledger.ConfigureAwait(false);
        return claims is null
            ? null
            : await claims.AcquireAsync([.. units.Select(u => new ClaimRequest(ClaimKey.Work(u)))], a => observer.Notice(Waiting(name, a)), cancellationToken)
                .ConfigureAwait(false);
    }

    /// <summary>Releases the claims of work that failed before it began, once they are taken (a failure to take them was
    /// the store's, which the repository's error already covers).</summary>
    private static async Task GiveUpAsync(Task<HeldClaims?> claiming)
    {
        try
        {
            if (await claiming.ConfigureAwait(false) is { } held)
            {
                await held.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or GitbriefException or IOException)
        {
        }
    }

    private static string Waiting(string repository, ClaimAttempt attempt) =>
        $"{repository}: waiting for another gitbrief run ({attempt.Holder ?? "unknown"}) that is reporting {attempt.Blocked?.IsoDay ?? "these days"}; " +
        "going on when it is done (this run then reads its results from the cache)";

    /// <summary>The window's commits with one read; when that fails (a damaged object, say), day by day, so that one bad
    /// day costs only itself: the days that cannot be read are returned with the reason. When no day can be read, the
    /// first error stands for the repository.</summary>
    private static async Task<(IReadOnlyList<CommitRecord> Commits, Dictionary<DateOnly, string> Unreadable)> ReadAsync(
        ICommitSource history, string revision, List<ReportDay> days, bool firstParent, CancellationToken cancellationToken)
    {
        try
        {
            return (await history.ReadAsync(revision, days[0].Start, days[^1].EndExclusive, firstParent, cancellationToken).ConfigureAwait(false), []);
        }
        catch (RepositoryException) when (days.Count > 1)
        {
            var commits = new List<CommitRecord>();
            var unreadable = new Dictionary<DateOnly, string>();
            foreach (var day in Enumerable.Reverse(days))
            {
                try
                {
                    commits.AddRange(await history.ReadAsync(revision, day.Start, day.EndExclusive, firstParent, cancellationToken).ConfigureAwait(false));
                }
                catch (RepositoryException e)
                {
                    unreadable[day.Date] = Damaged(e.Message);
                }
            }
            if (unreadable.Count == days.Count)
            {
                throw;
            }
            return (commits, unreadable);
        }
    }

    /// <summary>git's words for a missing object, with what to do about it.</summary>
    private static string Damaged(string message) =>
        message.Contains("unable to read", StringComparison.Ordinal) || message.Contains("bad object", StringComparison.Ordinal)
        || message.Contains("missing", StringComparison.Ordinal)
            ? message + " (the repository is missing objects: 'git fsck' there lists them; a mirror under the cache can be deleted to clone it afresh)"
            : message;

    private async Task<ICommitSource> OpenAsync(RepositorySpec spec, MirrorCache mirrors, GitHubApiClients github, CancellationToken cancellationToken)
    {
        if (spec.Source == SourceKind.GitHubApi)
        {
            var name = GitHubRepositoryName.From(WebLinks.FromRemote(spec.Address.RemoteUrl, HostKind.GitHub))
                ?? throw new RepositoryException($"{spec.DisplayName}: not a GitHub repository (source: github-api)");
            observer.StageChanged(spec.DisplayName, RunStage.Fetching, $"GitHub API {name}");
            return new GitHubApiHistory(github.For(ApiUrlOf(spec, spec.Address.RemoteUrl)), name);
        }
        if (spec.Address.IsRemote)
        {
            observer.StageChanged(spec.DisplayName, RunStage.Fetching, MirrorCache.Describe(spec.Address.RemoteUrl!));
            return new GitHistory(await mirrors.UpdateAsync(spec.Address, cancellationToken).ConfigureAwait(false));
        }
        var path = spec.Address.LocalPath!;
        if (!Directory.Exists(path))
        {
            throw new RepositoryException($"{path}: no such directory");
        }
        // Whether it is a repository at all is found out by the first git call (ResolveBranchAsync).
        return new GitHistory(path);
    }

    /// <summary>With enrich_pull_requests and a token, links each commit of a GitHub repository (read with either
    /// source) to its pull request. Without a token nothing is asked (the unauthenticated limit is 60 requests an hour).</summary>
    private async Task<IReadOnlyList<CommitRecord>> EnrichAsync(
        RepositorySpec spec, WebLinks links, GitHubApiClients github, IReadOnlyList<CommitRecord> commits, CancellationToken cancellationToken)
    {
        if (!spec.EnrichPullRequests || commits.Count == 0 || GitHubRepositoryName.From(links) is not { } name)
        {
            return commits;
        }
        if (github.Token is null)
        {
            observer.StageChanged(spec.DisplayName, RunStage.Reading, "pull requests not looked up: no GITHUB_TOKEN or TOKEN");
            return commits;
        }
        observer.StageChanged(spec.DisplayName, RunStage.Reading, $"pull requests of {commits.Count} commits");
        return await new PullRequestEnricher(github.For(ApiUrlOf(spec, links.BaseUrl)), name).EnrichAsync(commits, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The configured api_url, else the default API root of the repository's GitHub host.</summary>
    private static string ApiUrlOf(RepositorySpec spec, string? remote) =>
        spec.ApiUrl ?? (remote is not null && RepositoryAddress.TryParseRemote(remote, out var host, out _) && host.Length > 0
            ? GitHubApiOptions.DefaultFor(host)
            : GitHubApiOptions.DefaultBaseUrl);

    private async Task<List<ReportDay>> DaysAsync(ICommitSource history, string revision, RepositorySpec spec, CancellationToken cancellationToken)
    {
        if (!request.Window.Latest)
        {
            return DaysOf(request.Window);
        }
        // Without any commit to list (an empty repository), the day --latest falls back to (yesterday) is reported, empty.
        var latest = await history.LatestCommitDateAsync(revision, spec.FirstParent, cancellationToken).ConfigureAwait(false);
        return [new ReportDay(latest is { } date ? ReportDay.DateOf(date, request.TimeZone) : request.Window.First, request.TimeZone)];
    }

    private List<ReportDay> DaysOf(ReportWindow window) => window.Days().Select(d => new ReportDay(d, request.TimeZone)).ToList();

    /// <summary>The report rendered in Markdown and JSON (both: the store keeps both whatever the formats written); the JSON
    /// as the bytes of its file.</summary>
    private PublishedReport Render(RepositorySpec spec, DailyReport report)
    {
        var markdown = new MarkdownRenderer(request.Render).Render(report);
        var json = JsonReportRenderer.RenderUtf8(report);
        var hash = Sha256.HexOf(Utf8NoBom.GetBytes(markdown));
        return new PublishedReport(report, spec.Name, markdown, json, hash) { Language = request.Language, LanguageSuffix = request.LanguageSuffix };
    }

    /// <summary>The unit's rendered report as the store keeps it, Markdown and JSON whatever the formats written: a publish
    /// job on another machine delivers from there.</summary>
    private List<StoredReport> Kept(WorkUnitKey unit, RepositorySpec spec, PublishedReport published, long runId, string? jsonHash)
    {
        var now = DateTimeOffset.UtcNow;
        var kept = new List<StoredReport>(2);
        foreach (var (format, content) in new[] { ("md", Utf8NoBom.GetBytes(published.Markdown)), ("json", published.Json) })
        {
            var path = ReportFileLayout.RelativePath(spec.Name, unit.Day, format, request.LanguageSuffix).Replace('\\', '/');
            var hash = format == "md" ? published.Hash : jsonHash ?? Sha256.HexOf(content.Span);
            kept.Add(new StoredReport(unit, format, request.Language.Code(), path, content, hash, runId, now));
        }
        return kept;
    }

    /// <summary>The configured <c>name:</c>, else owner/repo when the web host is known, else the address's display name.</summary>
    private static string DisplayName(RepositorySpec spec, WebLinks links)
    {
        if (spec.ConfiguredName is not null || links.Kind == HostKind.None || spec.Address.IsRemote)
        {
            return spec.DisplayName;
        }
        var segments = links.BaseUrl.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 4 ? $"{segments[^2]}/{segments[^1]}" : spec.DisplayName;
    }
}
