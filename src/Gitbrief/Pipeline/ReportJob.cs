using System.Security.Cryptography;
using System.Text;
using Gitbrief.Analysis;
using Gitbrief.Analysis.Llm;
using Gitbrief.Common;
using Gitbrief.Publishing;
using Gitbrief.Rendering;
using Gitbrief.Reports;
using Gitbrief.Sources;
using Gitbrief.Sources.GitHubApi;
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
        // The store opens while git is read; it is first needed when a report has been written.
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
        var (store, runId) = await ledger.ConfigureAwait(false);
        if (store is not null)
        {
            await store.FinishRunAsync(runId, summary.ExitCode, DateTimeOffset.UtcNow, CancellationToken.None).ConfigureAwait(false);
        }
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

    private async Task<(GitbriefStore? Store, long RunId)> OpenLedgerAsync(CancellationToken cancellationToken)
    {
        if (request.DryRun)
        {
            return (null, 0);
        }
        await Task.Yield();
        var store = await GitbriefStore.OpenAsync(Path.Combine(request.CacheDirectory, "gitbrief.db"), cancellationToken).ConfigureAwait(false);
        return (store, await store.StartRunAsync("report", DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Disposes the store once it has opened (or after its opening failed).</summary>
    private sealed class StoreOwner(Task<(GitbriefStore? Store, long RunId)> ledger) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if ((await ledger.ConfigureAwait(false)).Store is { } store)
                {
                    await store.DisposeAsync().ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                // Opening failed: the run already reported it.
            }
        }
    }

    private async Task<RepositoryOutcome> RunRepositoryAsync(
        RepositorySpec spec, MirrorCache mirrors, GitHubApiClients github, Task<(GitbriefStore? Store, long RunId)> ledger, LlmStage? llm,
        CancellationToken cancellationToken)
    {
        var name = spec.DisplayName;
        var reports = new List<ReportOutput>();
        try
        {
            var history = await OpenAsync(spec, mirrors, github, cancellationToken).ConfigureAwait(false);
            var origin = spec.Address.RemoteUrl is null ? history.OriginUrlAsync(cancellationToken) : Task.FromResult<string?>(spec.Address.RemoteUrl);
            var (revision, branch) = await history.ResolveBranchAsync(spec.Branch, cancellationToken).ConfigureAwait(false);
            var links = WebLinks.FromRemote(await origin.ConfigureAwait(false), spec.Host);
            var days = await DaysAsync(history, revision, spec, cancellationToken).ConfigureAwait(false);

            observer.StageChanged(name, RunStage.Reading, $"{days[0].IsoDate} … {days[^1].IsoDate}");
            // Where the repository's code lives and changes (its core and periphery), read beside the commits.
            var layout = history is GitHistory git
                ? RepositoryFilesReader.ReadAsync(git.Directory, revision, cancellationToken)
                : Task.FromResult(RepositoryFiles.Empty);
            var commits = await history.ReadAsync(revision, days[0].Start, days[^1].EndExclusive, spec.FirstParent, cancellationToken)
                .ConfigureAwait(false);
            commits = await EnrichAsync(spec, links, github, commits, cancellationToken).ConfigureAwait(false);
            var byDay = commits.ToLookup(c => ReportDay.DateOf(c.CommittedAt, request.TimeZone));

            var rules = new RulesAnalyzer(request.Weights, request.Language, request.WatchOf(spec), RepositoryProfile.From(await layout.ConfigureAwait(false)));
            var analyses = new Dictionary<string, AnalyzedCommit>(StringComparer.Ordinal);
            foreach (var day in byDay)
            {
                foreach (var (sha, analyzed) in rules.AnalyzeDay(day))
                {
                    analyses.TryAdd(sha, analyzed);
                }
            }
            var builder = new ReportBuilder(rules, links);
            var repository = new ReportRepository(DisplayName(spec, links), links.Kind == HostKind.None ? null : links.BaseUrl, branch);
            var unitKey = spec.Address.RemoteUrl ?? spec.Address.LocalPath ?? name;
            LlmRepositoryResult? llmResult = null;
            if (llm is not null)
            {
                observer.StageChanged(name, RunStage.Analysing, $"{commits.Count} commits with {llm.Model}");
                var llmRepository = new LlmRepository(unitKey, repository.Name, history.Patches) { Weights = rules.Weights, Watch = rules.Watch };
                llmResult = await llm.RunAsync(llmRepository, commits, byDay, analyses, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                observer.StageChanged(name, RunStage.Analysing, $"{commits.Count} commits");
            }
            List<string> settings = [branch, spec.FirstParent ? "first-parent" : "no-merges", request.Language.ToString(), llm is null ? "rules" : "llm:" + llm.Model];
            if (spec.Source == SourceKind.GitHubApi)
            {
                settings.Add("github-api");
            }
            if (spec.EnrichPullRequests)
            {
                settings.Add("pull-requests");
            }
            var variant = WorkUnitKey.VariantOf([.. settings]);
            foreach (var day in days)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var report = builder.Build(day, repository, byDay[day.Date], c => analyses[c.Sha], llmResult?.HighlightsOf(day.Date), llmResult?.ThemesOf(day.Date));
                if (llmResult is not null)
                {
                    report = report with { Llm = llmResult.InfoOf(day.Date, byDay[day.Date]) };
                }
                observer.StageChanged(name, RunStage.Rendering, day.IsoDate);
                var output = await WriteAsync(spec, report, cancellationToken).ConfigureAwait(false);
                reports.Add(output);
                var (store, runId) = await ledger.ConfigureAwait(false);
                await RecordAsync(store, new WorkUnitRecord(
                    new WorkUnitKey(unitKey, day.Date, request.TimeZone.Id, variant),
                    WorkUnitStatus.Done, report.Entries.Count, output.Hash, null, runId, DateTimeOffset.UtcNow), cancellationToken).ConfigureAwait(false);
            }
            observer.StageChanged(name, RunStage.Done, $"{commits.Count} commits, {days.Count} day(s)");
            return new RepositoryOutcome(name, reports, null);
        }
        catch (GitbriefException e)
        {
            observer.StageChanged(name, RunStage.Failed, e.Message);
            return new RepositoryOutcome(name, reports, e.Message);
        }
        catch (IOException e)
        {
            var message = SecretRedactor.Redact(e.Message);
            observer.StageChanged(name, RunStage.Failed, message);
            return new RepositoryOutcome(name, reports, message);
        }
        catch (UnauthorizedAccessException e)
        {
            var message = SecretRedactor.Redact(e.Message);
            observer.StageChanged(name, RunStage.Failed, message);
            return new RepositoryOutcome(name, reports, message);
        }
    }

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
            return request.Window.Days().Select(d => new ReportDay(d, request.TimeZone)).ToList();
        }
        // Without any commit to list (an empty repository), the day --latest falls back to (yesterday) is reported, empty.
        var latest = await history.LatestCommitDateAsync(revision, spec.FirstParent, cancellationToken).ConfigureAwait(false);
        return [new ReportDay(latest is { } date ? ReportDay.DateOf(date, request.TimeZone) : request.Window.First, request.TimeZone)];
    }

    private async Task<ReportOutput> WriteAsync(RepositorySpec spec, DailyReport report, CancellationToken cancellationToken)
    {
        var markdown = new MarkdownRenderer(request.Render).Render(report);
        var json = new JsonReportRenderer().Render(report);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Utf8NoBom.GetBytes(markdown)));
        var files = new List<string>();
        if (!request.DryRun)
        {
            foreach (var format in request.Formats)
            {
                var path = Path.Combine(request.OutputDirectory, ReportFileLayout.RelativePath(spec.Name, report.Day.Date, format, request.LanguageSuffix));
                await FileWriter.WriteAsync(path, Utf8NoBom.GetBytes(format == "md" ? markdown : json), cancellationToken).ConfigureAwait(false);
                files.Add(path);
            }
        }
        return new ReportOutput(spec.DisplayName, report.Day.Date, report.Entries.Count, files, request.DryRun ? markdown : null)
        {
            Hash = hash,
            Published = new PublishedReport(report, spec.Name, markdown, json, hash) { Language = request.Language, LanguageSuffix = request.LanguageSuffix },
        };
    }

    private static async Task RecordAsync(GitbriefStore? store, WorkUnitRecord record, CancellationToken cancellationToken)
    {
        if (store is not null)
        {
            await store.RecordAsync(record, cancellationToken).ConfigureAwait(false);
        }
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
