using System.Globalization;
using System.Net;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Gitbrief.Common;
using Gitbrief.Configuration;
using Gitbrief.Sources.GitHubApi;

namespace Gitbrief.Publishing;

/// <summary><c>github-issue</c>: one issue per repository-day in a GitHub repository, its body the report's
/// Markdown (a digest with a link to the archived report when it is over GitHub's 65,536 characters).
/// Idempotent: the ledger holds the issue number, so an unchanged report is skipped and a changed one updates
/// the same issue (<c>on_change: update</c>, the default; <c>ignore</c> leaves the issue as it was); without a ledger entry an open issue with the same title and the labels is reused. Open
/// issues with the labels older than <c>close_after_days</c> are closed. It talks to GitHub through
/// <see cref="GitHubApiClient"/>, the client the GitHub API source reads with (rate limits and retries included).</summary>
internal sealed partial class GitHubIssueTarget : IPublishTarget
{
    public static readonly Uri DefaultApiUrl = new("https://api.github.com/");
    public static readonly IReadOnlyList<string> DefaultLabels = ["gitbrief", "daily-report"];
    private const int PageSize = 100;

    /// <summary>Retries of one request: a failed publish is sent again by the next run anyway.</summary>
    private const int MaxRetries = 3;
    private static readonly string[] Placeholders = ["{date}", "{name}", "{repository}"];

    private readonly string owner;
    private readonly string name;
    private readonly string token;
    private readonly string tokenVariable;
    private readonly Uri apiUrl;
    private readonly string? title;
    private readonly IReadOnlyList<string> labels;
    private readonly int closeAfterDays;

    internal GitHubIssueTarget(string id, string repository, string token, string tokenVariable, Uri apiUrl, string? title,
        IReadOnlyList<string> labels, int closeAfterDays, ChangePolicy onChange = ChangePolicy.Update)
    {
        Id = id;
        OnChange = onChange;
        (owner, name) = (repository.Split('/')[0], repository.Split('/')[1]);
        this.token = token;
        this.tokenVariable = tokenVariable;
        this.apiUrl = apiUrl;
        this.title = title;
        this.labels = labels;
        this.closeAfterDays = closeAfterDays;
    }

    public string Id { get; }

    public string Kind => "github-issue";

    /// <summary>What to do when a day's issue exists and its report changed (config <c>on_change</c>).</summary>
    public ChangePolicy OnChange { get; }

    private string Repository => owner + "/" + name;

    public static IPublishTarget Create(TargetSettings settings, PublishContext context)
    {
        var repository = settings.RequiredString("repo").Trim();
        if (!RepositoryPattern().IsMatch(repository))
        {
            throw settings.Error("repo", $"'repo' must be owner/name (got '{repository}')");
        }
        var (token, variable) = Token(settings, context.Environment);
        var apiUrl = settings.Url("api_url") ?? DefaultApiUrl;
        if (!apiUrl.AbsoluteUri.EndsWith('/'))
        {
            apiUrl = new Uri(apiUrl.AbsoluteUri + "/");
        }
        var title = settings.String("title");
        if (title is not null)
        {
            if (!title.Contains("{date}", StringComparison.Ordinal))
            {
                throw settings.Error("title", "'title' must contain {date}: there is one issue per repository-day");
            }
            if (PlaceholderPattern().Matches(title).Select(m => m.Value).FirstOrDefault(p => !Placeholders.Contains(p, StringComparer.Ordinal)) is { } unknown)
            {
                throw settings.Error("title", $"unknown placeholder {unknown} in 'title' (expected {string.Join(", ", Placeholders)})");
            }
        }
        var labels = settings.Has("labels") ? settings.List("labels") : DefaultLabels;
        if (labels.Count == 0)
        {
            throw settings.Error("labels", "'labels' needs at least one label: it is how gitbrief finds its issues again");
        }
        var closeAfterDays = settings.Int("close_after_days") ?? 30;
        return new GitHubIssueTarget(settings.Identity("github-issue:" + repository), repository, token, variable, apiUrl, title,
            labels.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), closeAfterDays, onChange: ChangePolicies.Read(settings));
    }

    /// <summary>The token from token_env's variable, or else GITHUB_TOKEN, or else TOKEN.</summary>
    private static (string Token, string Variable) Token(TargetSettings settings, Func<string, string?> environment)
    {
        if (settings.Has("token_env"))
        {
            return (settings.Secret("token_env", environment)!, settings.String("token_env")!);
        }
        foreach (var variable in Sources.GitAuth.TokenVariables)
        {
            if (settings.Secret("token_env", environment, variable, required: false) is { } token)
            {
                return (token, variable);
            }
        }
        throw settings.Error("token_env", "publish target 'github-issue' needs a token: set GITHUB_TOKEN (or TOKEN), or name the variable with 'token_env'");
    }

    /// <summary>The issue title of a report. Default: "仓库更新报告 (DATE)" / "Repository update report (DATE)"
    /// when the batch has one repository, else prefixed with the repository. A configured title without
    /// {repository} or {name} gets " - {repository}" appended when the batch has several repositories.</summary>
    internal string Title(PublishedReport report, ReportLanguage language, bool severalRepositories)
    {
        var template = title ?? Rendering.Labels.For(language).IssueTitle(severalRepositories);
        if (severalRepositories && !template.Contains("{repository}", StringComparison.Ordinal) && !template.Contains("{name}", StringComparison.Ordinal))
        {
            template += " - {repository}";
        }
        return template
            .Replace("{date}", report.IsoDate, StringComparison.Ordinal)
            .Replace("{name}", report.Name, StringComparison.Ordinal)
            .Replace("{repository}", report.Repository, StringComparison.Ordinal);
    }

    public async Task<TargetOutcome> PublishAsync(PublishBatch batch, PublishLedger ledger, CancellationToken cancellationToken)
    {
        using var client = new GitHubApiClient(new GitHubApiOptions { BaseUrl = apiUrl, Token = token, MaxRetries = MaxRetries });
        var severalRepositories = batch.Reports.Select(r => r.Repository).Distinct(StringComparer.Ordinal).Skip(1).Any();
        var touched = new HashSet<int>();
        IReadOnlyList<IssuePayload>? open = null;
        var (delivered, updated, skipped) = (0, 0, 0);
        foreach (var report in batch.Reports)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var previous = await ledger.FindAsync(Id, report, cancellationToken).ConfigureAwait(false);
            var known = int.TryParse(previous?.Location, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
            if (known is not null && (previous!.Hash == report.Hash || OnChange == ChangePolicy.Ignore))
            {
                touched.Add(known.Value);
                skipped++;
                continue;
            }
            var body = GitHubIssueBody.Compose(report, batch.Language, batch.ReportUrl(report));
            if (known is { } number && await TryUpdateAsync(client, number, body, cancellationToken).ConfigureAwait(false))
            {
                await ledger.RecordAsync(Id, report, Location(number), batch.Now, cancellationToken).ConfigureAwait(false);
                touched.Add(number);
                updated++;
                continue;
            }
            var issueTitle = Title(report, batch.Language, severalRepositories);
            open ??= await OpenIssuesAsync(client, cancellationToken).ConfigureAwait(false);
            var existing = open.Where(i => i.PullRequest is null && i.Title == issueTitle).OrderBy(i => i.Number).FirstOrDefault();
            if (existing is not null)
            {
                if (Normalise(existing.Body) == body)
                {
                    skipped++;
                }
                else
                {
                    await PatchAsync(client, "update issue", existing.Number, new BodyPatchPayload(body), GitHubIssueJsonContext.Default.BodyPatchPayload, cancellationToken)
                        .ConfigureAwait(false);
                    updated++;
                }
                await ledger.RecordAsync(Id, report, Location(existing.Number), batch.Now, cancellationToken).ConfigureAwait(false);
                touched.Add(existing.Number);
                continue;
            }
            var created = await CallAsync("create issue", () => client.SendAsync(HttpMethod.Post, IssuesPath, new NewIssuePayload(issueTitle, body, labels),
                GitHubIssueJsonContext.Default.NewIssuePayload, GitHubIssueJsonContext.Default.IssuePayload, cancellationToken)).ConfigureAwait(false);
            await ledger.RecordAsync(Id, report, Location(created.Number), batch.Now, cancellationToken).ConfigureAwait(false);
            touched.Add(created.Number);
            delivered++;
        }
        if (closeAfterDays > 0)
        {
            open ??= await OpenIssuesAsync(client, cancellationToken).ConfigureAwait(false);
            await CloseOldAsync(client, open, touched, batch.Now, cancellationToken).ConfigureAwait(false);
        }
        return new TargetOutcome(Id, delivered, updated, skipped);
    }

    private string IssuesPath => $"repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(name)}/issues";

    private async Task CloseOldAsync(GitHubApiClient client, IReadOnlyList<IssuePayload> open, HashSet<int> touched, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-closeAfterDays);
        foreach (var issue in open.Where(i => i.PullRequest is null && i.CreatedAt < cutoff && !touched.Contains(i.Number)).OrderBy(i => i.Number))
        {
            await PatchAsync(client, "close issue", issue.Number, ClosePatchPayload.Completed, GitHubIssueJsonContext.Default.ClosePatchPayload, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Updates the body of an issue the ledger knows; false when it is gone (deleted, transferred).</summary>
    private async Task<bool> TryUpdateAsync(GitHubApiClient client, int number, string body, CancellationToken cancellationToken)
    {
        try
        {
            await PatchAsync(client, "update issue", number, new BodyPatchPayload(body), GitHubIssueJsonContext.Default.BodyPatchPayload, cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (GitbriefException e) when (e.InnerException is GitHubApiException { Status: HttpStatusCode.NotFound or HttpStatusCode.Gone })
        {
            return false;
        }
    }

    /// <summary>PATCHes exactly the fields of <paramref name="fields"/> (never "milestone": null, which would remove
    /// a milestone set by hand).</summary>
    private Task<IssuePayload> PatchAsync<T>(GitHubApiClient client, string what, int number, T fields, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        CallAsync($"{what} #{Location(number)}", () => client.SendAsync(HttpMethod.Patch, $"{IssuesPath}/{Location(number)}", fields, type,
            GitHubIssueJsonContext.Default.IssuePayload, cancellationToken));

    /// <summary>Every open issue (and pull request, which the API lists too) carrying all the labels, oldest first.</summary>
    private async Task<IReadOnlyList<IssuePayload>> OpenIssuesAsync(GitHubApiClient client, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture,
            $"{IssuesPath}?state=open&labels={Uri.EscapeDataString(string.Join(',', labels))}&sort=created&direction=asc&per_page={PageSize}");
        return await CallAsync("list issues", () => client.GetPagesAsync(query, GitHubIssueJsonContext.Default.ListIssuePayload, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<T> CallAsync<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (GitHubApiException e)
        {
            throw new GitbriefException($"{what} in {Repository}: {Describe(e)}", e);
        }
    }

    private string Describe(GitHubApiException e)
    {
        if (e.Status is not { } code)
        {
            return e.Message;
        }
        var status = ((int)code).ToString(CultureInfo.InvariantCulture);
        var message = e.ServerMessage ?? "(no message)";
        var text = e.Detail is null ? $"GitHub answered {status} ({message})" : $"GitHub answered {status} ({message}: {e.Detail})";
        return code switch
        {
            HttpStatusCode.Unauthorized => $"{text}; check the token in {tokenVariable}",
            HttpStatusCode.NotFound => $"{text}; check 'repo' and that the token can see it",
            _ => text,
        };
    }

    private static string Location(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Normalise(string? body) => (body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex PlaceholderPattern();
}
