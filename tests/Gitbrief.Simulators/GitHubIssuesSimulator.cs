using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gitbrief.Simulators;

/// <summary>The part of the GitHub REST API that the issue target uses, on 127.0.0.1 (random port):
/// POST/GET /repos/{owner}/{repo}/issues (state, labels, sort, direction, per_page, page with Link headers),
/// GET/PATCH /repos/{owner}/{repo}/issues/{number}. Payloads have GitHub's shape (id, number, title, body,
/// state, labels[{name}], user, created_at, html_url…), a wrong or missing token is a 401 "Bad credentials",
/// a body over 65,536 characters a 422, and every answer carries X-RateLimit-* headers. The same routes are
/// served under /api/v3 (GitHub Enterprise Server). It records every request and can be told to fail.</summary>
public sealed class GitHubIssuesSimulator : IAsyncDisposable
{
    /// <summary>GitHub's limit on an issue body, in characters.</summary>
    public const int MaxBodyLength = 65_536;

    private const int RateLimit = 5000;
    private static readonly DateTimeOffset DefaultCreated = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly WebApplication app;
    private readonly ConcurrentQueue<GitHubRequest> requests = new();
    private readonly Lock gate = new();
    private readonly List<SimulatedIssue> issues = [];
    private readonly Dictionary<string, long> labelIds = new(StringComparer.OrdinalIgnoreCase);
    private int counter;
    private long nextId = 1_000_000_001;
    private int remaining = RateLimit;

    private GitHubIssuesSimulator(WebApplication app) => this.app = app;

    /// <summary>http://127.0.0.1:port/ — what <c>api_url</c> is set to.</summary>
    public string ApiBase { get; private set; } = "";

    /// <summary>The one token accepted (as "token X" or "Bearer X").</summary>
    public string Token { get; set; } = "ghp_simulatedToken0123456789abcdefABCDEF";

    /// <summary>The login issues are created by.</summary>
    public string Login { get; set; } = "gitbrief-bot";

    /// <summary>Chooses an HTTP error status for a request (null: answer normally). Called once per request,
    /// after it is recorded and before the token is checked.</summary>
    public Func<GitHubRequest, int?> Faults { get; set; } = _ => null;

    /// <summary>Chooses a secondary rate limit for a request (null: none): a 403 "You have exceeded a secondary rate
    /// limit" with this Retry-After (seconds or an HTTP date), and nothing done. Called after <see cref="Faults"/>.</summary>
    public Func<GitHubRequest, RetryConditionHeaderValue?> SecondaryLimits { get; set; } = _ => null;

    /// <summary>The clock for created_at / updated_at / closed_at of what the API creates or changes.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Every request, in order of arrival.</summary>
    public IReadOnlyList<GitHubRequest> Requests => requests.OrderBy(r => r.Index).ToList();

    /// <summary>Requests that create or change something (POST, PATCH, PUT, DELETE).</summary>
    public IReadOnlyList<GitHubRequest> Writes => Requests.Where(r => r.Method is not ("GET" or "HEAD")).ToList();

    public static async Task<GitHubIssuesSimulator> StartAsync(CancellationToken cancellationToken = default)
    {
        var app = Loopback.Create();
        var simulator = new GitHubIssuesSimulator(app);
        foreach (var prefix in new[] { "", "/api/v3" })
        {
            app.MapPost(prefix + "/repos/{owner}/{repo}/issues", (HttpContext c, string owner, string repo) => simulator.HandleAsync(c, owner, repo, null));
            app.MapGet(prefix + "/repos/{owner}/{repo}/issues", (HttpContext c, string owner, string repo) => simulator.HandleAsync(c, owner, repo, null));
            app.MapGet(prefix + "/repos/{owner}/{repo}/issues/{number}", (HttpContext c, string owner, string repo, string number) => simulator.HandleAsync(c, owner, repo, number));
            app.MapMethods(prefix + "/repos/{owner}/{repo}/issues/{number}", ["PATCH"], (HttpContext c, string owner, string repo, string number) => simulator.HandleAsync(c, owner, repo, number));
        }
        app.MapFallback(simulator.NotFoundAsync);
        var address = await Loopback.StartAsync(app, cancellationToken).ConfigureAwait(false);
        simulator.ApiBase = address + "/";
        return simulator;
    }

    /// <summary>Puts an issue (or a pull request, which the issues list includes as GitHub does) in a repository.</summary>
    public SimulatedIssue Seed(string repository, string title, string? body = null, IEnumerable<string>? labels = null,
        DateTimeOffset? createdAt = null, string state = "open", bool pullRequest = false, string? login = null)
    {
        lock (gate)
        {
            var created = createdAt ?? DefaultCreated;
            var issue = new SimulatedIssue
            {
                Repository = repository,
                Id = nextId++,
                Number = issues.Count(i => i.Repository.Equals(repository, StringComparison.OrdinalIgnoreCase)) + 1,
                Title = title,
                Body = body,
                State = state,
                Labels = [.. labels ?? []],
                User = login ?? Login,
                CreatedAt = created,
                UpdatedAt = created,
                ClosedAt = state == "closed" ? created : null,
                IsPullRequest = pullRequest,
            };
            issues.Add(issue);
            return issue;
        }
    }

    /// <summary>The issues (and pull requests) of a repository ("owner/name"), by number.</summary>
    public IReadOnlyList<SimulatedIssue> Issues(string repository)
    {
        lock (gate)
        {
            return issues.Where(i => i.Repository.Equals(repository, StringComparison.OrdinalIgnoreCase)).OrderBy(i => i.Number).Select(i => i.Copy()).ToList();
        }
    }

    private async Task NotFoundAsync(HttpContext context)
    {
        await RecordAsync(context).ConfigureAwait(false);
        await MessageAsync(context, 404, "Not Found").ConfigureAwait(false);
    }

    private async Task<GitHubRequest> RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var request = new GitHubRequest
        {
            Index = Interlocked.Increment(ref counter),
            ReceivedAt = DateTimeOffset.UtcNow,
            Method = context.Request.Method,
            Path = context.Request.Path.Value ?? "",
            Query = context.Request.QueryString.Value ?? "",
            Authorization = context.Request.Headers.Authorization.ToString(),
            UserAgent = context.Request.Headers.UserAgent.ToString(),
            Body = body,
        };
        requests.Enqueue(request);
        return request;
    }

    private async Task HandleAsync(HttpContext context, string owner, string repo, string? number)
    {
        var request = await RecordAsync(context).ConfigureAwait(false);
        AddRateLimitHeaders(context);
        if (Faults(request) is { } status)
        {
            await MessageAsync(context, status, status >= 500 ? "Server Error" : "Simulated failure").ConfigureAwait(false);
            return;
        }
        if (SecondaryLimits(request) is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString();
            await MessageAsync(context, 403, "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.").ConfigureAwait(false);
            return;
        }
        if (!Authorized(request.Authorization))
        {
            await MessageAsync(context, 401, "Bad credentials").ConfigureAwait(false);
            return;
        }
        var repository = owner + "/" + repo;
        JsonObject? input = null;
        if (request.Method is "POST" or "PATCH")
        {
            try
            {
                input = JsonNode.Parse(request.Body) as JsonObject;
            }
            catch (JsonException)
            {
            }
            if (input is null)
            {
                await MessageAsync(context, 400, "Problems parsing JSON").ConfigureAwait(false);
                return;
            }
        }
        switch (request.Method, number)
        {
            case ("POST", null):
                await CreateAsync(context, repository, input!).ConfigureAwait(false);
                break;
            case ("GET", null):
                await ListAsync(context, repository).ConfigureAwait(false);
                break;
            case ("GET", _):
                await WithIssueAsync(context, repository, number, issue => JsonAsync(context, 200, issue)).ConfigureAwait(false);
                break;
            case ("PATCH", _):
                await WithIssueAsync(context, repository, number, issue => UpdateAsync(context, issue, input!)).ConfigureAwait(false);
                break;
            default:
                await MessageAsync(context, 404, "Not Found").ConfigureAwait(false);
                break;
        }
    }

    private bool Authorized(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return false;
        }
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return false;
        }
        var scheme = authorization[..space];
        return (scheme.Equals("token", StringComparison.OrdinalIgnoreCase) || scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
               && authorization[(space + 1)..].Trim() == Token;
    }

    private void AddRateLimitHeaders(HttpContext context)
    {
        var left = Math.Max(0, Interlocked.Decrement(ref remaining));
        var reset = Time.GetUtcNow().AddHours(1).ToUnixTimeSeconds();
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = RateLimit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = left.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Used"] = (RateLimit - left).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Resource"] = "core";
        headers["X-GitHub-Media-Type"] = "github.v3; format=json";
        headers["X-GitHub-Request-Id"] = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
    }

    private async Task CreateAsync(HttpContext context, string repository, JsonObject input)
    {
        var title = Text(input["title"]);
        if (string.IsNullOrEmpty(title))
        {
            await ValidationAsync(context, "missing_field", "title", null).ConfigureAwait(false);
            return;
        }
        var body = Text(input["body"]);
        if (body is { Length: > MaxBodyLength })
        {
            await ValidationAsync(context, "custom", "body", $"body is too long (maximum is {MaxBodyLength} characters)").ConfigureAwait(false);
            return;
        }
        var labels = (input["labels"] as JsonArray ?? []).Select(l => l is JsonObject o ? Text(o["name"]) : Text(l)).OfType<string>().ToList();
        var issue = Seed(repository, title, body, labels, Time.GetUtcNow());
        context.Response.Headers.Location = IssueUrl(issue);
        await JsonAsync(context, 201, issue).ConfigureAwait(false);
    }

    private async Task UpdateAsync(HttpContext context, SimulatedIssue issue, JsonObject input)
    {
        var body = input.ContainsKey("body") ? Text(input["body"]) : issue.Body;
        if (body is { Length: > MaxBodyLength })
        {
            await ValidationAsync(context, "custom", "body", $"body is too long (maximum is {MaxBodyLength} characters)").ConfigureAwait(false);
            return;
        }
        var state = input.ContainsKey("state") ? Text(input["state"]) : issue.State;
        if (state is not ("open" or "closed"))
        {
            await ValidationAsync(context, "invalid", "state", null).ConfigureAwait(false);
            return;
        }
        var now = Time.GetUtcNow();
        lock (gate)
        {
            if (input.ContainsKey("title") && Text(input["title"]) is { Length: > 0 } title)
            {
                issue.Title = title;
            }
            issue.Body = body;
            if (state != issue.State)
            {
                issue.State = state;
                issue.ClosedAt = state == "closed" ? now : null;
                issue.StateReason = state == "closed" ? Text(input["state_reason"]) ?? "completed" : "reopened";
            }
            if (input["labels"] is JsonArray labels)
            {
                issue.Labels = [.. labels.Select(l => l is JsonObject o ? Text(o["name"]) : Text(l)).OfType<string>()];
            }
            issue.UpdatedAt = now;
        }
        await JsonAsync(context, 200, issue).ConfigureAwait(false);
    }

    private async Task ListAsync(HttpContext context, string repository)
    {
        var query = context.Request.Query;
        var state = query["state"].FirstOrDefault() ?? "open";
        var labels = (query["labels"].FirstOrDefault() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sort = query["sort"].FirstOrDefault() ?? "created";
        var ascending = (query["direction"].FirstOrDefault() ?? "desc") == "asc";
        var since = DateTimeOffset.TryParse(query["since"].FirstOrDefault(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s) ? s : (DateTimeOffset?)null;
        var perPage = Math.Clamp(int.TryParse(query["per_page"].FirstOrDefault(), CultureInfo.InvariantCulture, out var pp) ? pp : 30, 1, 100);
        var page = Math.Max(1, int.TryParse(query["page"].FirstOrDefault(), CultureInfo.InvariantCulture, out var p) ? p : 1);
        if (state is not ("open" or "closed" or "all"))
        {
            await ValidationAsync(context, "invalid", "state", null).ConfigureAwait(false);
            return;
        }
        List<SimulatedIssue> matching;
        lock (gate)
        {
            var selected = issues.Where(i => i.Repository.Equals(repository, StringComparison.OrdinalIgnoreCase)
                                             && (state == "all" || i.State == state)
                                             && labels.All(l => i.Labels.Contains(l, StringComparer.OrdinalIgnoreCase))
                                             && (since is null || i.UpdatedAt >= since));
            Func<SimulatedIssue, DateTimeOffset> key = sort == "updated" ? i => i.UpdatedAt : i => i.CreatedAt;
            matching = [.. (ascending ? selected.OrderBy(key).ThenBy(i => i.Number) : selected.OrderByDescending(key).ThenByDescending(i => i.Number)).Select(i => i.Copy())];
        }
        var pages = Math.Max(1, (matching.Count + perPage - 1) / perPage);
        var links = new List<string>();
        string PageUrl(int n)
        {
            var parameters = query.Where(q => q.Key != "page").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
                .Append("page=" + n.ToString(CultureInfo.InvariantCulture));
            return $"{ApiBase.TrimEnd('/')}{context.Request.Path}?{string.Join('&', parameters)}";
        }
        if (page < pages)
        {
            links.Add($"<{PageUrl(page + 1)}>; rel=\"next\"");
            links.Add($"<{PageUrl(pages)}>; rel=\"last\"");
        }
        if (page > 1)
        {
            links.Add($"<{PageUrl(1)}>; rel=\"first\"");
            links.Add($"<{PageUrl(page - 1)}>; rel=\"prev\"");
        }
        if (links.Count > 0)
        {
            context.Response.Headers["Link"] = string.Join(", ", links);
        }
        var array = new JsonArray([.. matching.Skip((page - 1) * perPage).Take(perPage).Select(IssueJson)]);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(array.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private async Task WithIssueAsync(HttpContext context, string repository, string? number, Func<SimulatedIssue, Task> action)
    {
        SimulatedIssue? issue;
        lock (gate)
        {
            issue = int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? issues.FirstOrDefault(i => i.Number == n && i.Repository.Equals(repository, StringComparison.OrdinalIgnoreCase))
                : null;
        }
        if (issue is null)
        {
            await MessageAsync(context, 404, "Not Found").ConfigureAwait(false);
            return;
        }
        await action(issue).ConfigureAwait(false);
    }

    private string IssueUrl(SimulatedIssue issue) =>
        string.Create(CultureInfo.InvariantCulture, $"{ApiBase}repos/{issue.Repository}/issues/{issue.Number}");

    private long LabelId(string name)
    {
        lock (gate)
        {
            if (!labelIds.TryGetValue(name, out var id))
            {
                id = labelIds[name] = 208_045_946 + labelIds.Count;
            }
            return id;
        }
    }

    private JsonObject User(string login) => new()
    {
        ["login"] = login,
        ["id"] = 583_231,
        ["node_id"] = "MDQ6VXNlcjU4MzIzMQ==",
        ["avatar_url"] = "https://avatars.githubusercontent.com/u/583231?v=4",
        ["url"] = $"{ApiBase}users/{login}",
        ["html_url"] = $"https://github.com/{login}",
        ["type"] = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User",
        ["site_admin"] = false,
    };

    private JsonObject IssueJson(SimulatedIssue issue)
    {
        var url = IssueUrl(issue);
        var json = new JsonObject
        {
            ["url"] = url,
            ["repository_url"] = $"{ApiBase}repos/{issue.Repository}",
            ["labels_url"] = url + "/labels{/name}",
            ["comments_url"] = url + "/comments",
            ["events_url"] = url + "/events",
            ["html_url"] = string.Create(CultureInfo.InvariantCulture, $"https://github.com/{issue.Repository}/{(issue.IsPullRequest ? "pull" : "issues")}/{issue.Number}"),
            ["id"] = issue.Id,
            ["node_id"] = "I_kwDO" + Convert.ToBase64String(BitConverter.GetBytes(issue.Id)).TrimEnd('='),
            ["number"] = issue.Number,
            ["title"] = issue.Title,
            ["user"] = User(issue.User),
            ["labels"] = new JsonArray([.. issue.Labels.Select(l => (JsonNode)new JsonObject
            {
                ["id"] = LabelId(l),
                ["node_id"] = "LA_kwDO" + LabelId(l).ToString(CultureInfo.InvariantCulture),
                ["url"] = $"{ApiBase}repos/{issue.Repository}/labels/{Uri.EscapeDataString(l)}",
                ["name"] = l,
                ["color"] = "ededed",
                ["default"] = false,
                ["description"] = null,
            })]),
            ["state"] = issue.State,
            ["locked"] = false,
            ["assignee"] = null,
            ["assignees"] = new JsonArray(),
            ["milestone"] = null,
            ["comments"] = 0,
            ["created_at"] = Timestamp(issue.CreatedAt),
            ["updated_at"] = Timestamp(issue.UpdatedAt),
            ["closed_at"] = issue.ClosedAt is { } closed ? Timestamp(closed) : null,
            ["author_association"] = "OWNER",
            ["active_lock_reason"] = null,
            ["body"] = issue.Body,
            ["closed_by"] = issue.ClosedAt is null ? null : User(Login),
            ["state_reason"] = issue.StateReason,
        };
        if (issue.IsPullRequest)
        {
            json["draft"] = false;
            json["pull_request"] = new JsonObject
            {
                ["url"] = string.Create(CultureInfo.InvariantCulture, $"{ApiBase}repos/{issue.Repository}/pulls/{issue.Number}"),
                ["html_url"] = string.Create(CultureInfo.InvariantCulture, $"https://github.com/{issue.Repository}/pull/{issue.Number}"),
                ["diff_url"] = string.Create(CultureInfo.InvariantCulture, $"https://github.com/{issue.Repository}/pull/{issue.Number}.diff"),
                ["patch_url"] = string.Create(CultureInfo.InvariantCulture, $"https://github.com/{issue.Repository}/pull/{issue.Number}.patch"),
                ["merged_at"] = null,
            };
        }
        return json;
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private async Task JsonAsync(HttpContext context, int status, SimulatedIssue issue)
    {
        JsonObject json;
        lock (gate)
        {
            json = IssueJson(issue);
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task MessageAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var json = new JsonObject
        {
            ["message"] = message,
            ["documentation_url"] = "https://docs.github.com/rest",
            ["status"] = status.ToString(CultureInfo.InvariantCulture),
        };
        await context.Response.WriteAsync(json.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task ValidationAsync(HttpContext context, string code, string field, string? message)
    {
        context.Response.StatusCode = 422;
        context.Response.ContentType = "application/json; charset=utf-8";
        var error = new JsonObject { ["resource"] = "Issue", ["code"] = code, ["field"] = field };
        if (message is not null)
        {
            error["message"] = message;
        }
        var json = new JsonObject
        {
            ["message"] = "Validation Failed",
            ["errors"] = new JsonArray(error),
            ["documentation_url"] = "https://docs.github.com/rest/issues/issues#create-an-issue",
            ["status"] = "422",
        };
        await context.Response.WriteAsync(json.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>One request as the GitHub simulator received it.</summary>
public sealed record GitHubRequest
{
    public required int Index { get; init; }

    /// <summary>When the request arrived (the simulator's clock is the system's).</summary>
    public DateTimeOffset ReceivedAt { get; init; }
    public required string Method { get; init; }

    /// <summary>The path, e.g. /repos/acme/briefs/issues/3.</summary>
    public required string Path { get; init; }

    /// <summary>The query string with its '?', or empty.</summary>
    public required string Query { get; init; }
    public string? Authorization { get; init; }
    public string? UserAgent { get; init; }
    public required string Body { get; init; }

    public JsonObject? Json => Body.Length == 0 ? null : JsonNode.Parse(Body) as JsonObject;
}

/// <summary>An issue (or pull request) held by the GitHub simulator.</summary>
public sealed class SimulatedIssue
{
    /// <summary>owner/name.</summary>
    public required string Repository { get; init; }
    public required long Id { get; init; }
    public required int Number { get; init; }
    public required string Title { get; set; }
    public string? Body { get; set; }

    /// <summary>open or closed.</summary>
    public required string State { get; set; }
    public string? StateReason { get; set; }
    public required IReadOnlyList<string> Labels { get; set; }
    public required string User { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public bool IsPullRequest { get; init; }

    internal SimulatedIssue Copy() => (SimulatedIssue)MemberwiseClone();
}
