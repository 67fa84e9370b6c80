using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gitbrief.Simulators;

/// <summary>The commits part of the GitHub REST API on 127.0.0.1 (random port): GET /repos/{o}/{r},
/// /repos/{o}/{r}/commits (sha, since, until, per_page, page; Link headers), /repos/{o}/{r}/commits/{sha}
/// (files with patches, at most <see cref="MaxFiles"/>, patches longer than <see cref="MaxPatchLength"/> left out)
/// and /repos/{o}/{r}/commits/{sha}/pulls. Every answer has an ETag and X-RateLimit-* headers; If-None-Match
/// with the current ETag gets a 304 that does not use up the rate limit. Repositories are built from real git
/// repositories (<see cref="AddFromGit"/>) or by hand; faults are scripted per request. Every request is recorded.</summary>
public sealed class GitHubCommitsSimulator : IAsyncDisposable
{
    private const string EmptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, SimulatedRepository> repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<SimulatedApiRequest> requests = new();
    private readonly long resetEpoch = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
    private int counter;
    private int remaining = 5000;

    private GitHubCommitsSimulator(WebApplication app) => this.app = app;

    /// <summary>http://127.0.0.1:port/ (the API root, as api_url).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The largest page a list answers with (GitHub: 100).</summary>
    public int MaxPerPage { get; set; } = 100;

    /// <summary>The most files a commit lists (GitHub: 300).</summary>
    public int MaxFiles { get; set; } = 300;

    /// <summary>Patches longer than this are left out of the commit (GitHub does so for large diffs).</summary>
    public int MaxPatchLength { get; set; } = int.MaxValue;

    /// <summary>When set, only "Bearer &lt;token&gt;" (or "token &lt;token&gt;") is accepted; anything else gets a 401.</summary>
    public string? RequiredToken { get; set; }

    /// <summary>Chooses a fault for a request (null: answer normally). Called once per request.</summary>
    public Func<SimulatedApiRequest, GitHubFault?> Faults { get; set; } = _ => null;

    public IReadOnlyList<SimulatedApiRequest> Requests => requests.OrderBy(r => r.Index).ToList();

    /// <summary>X-RateLimit-Remaining as last sent (304s do not count).</summary>
    public int RateLimitRemaining => Volatile.Read(ref remaining);

    public static async Task<GitHubCommitsSimulator> StartAsync(CancellationToken cancellationToken = default)
    {
        var app = Loopback.Create();
        var simulator = new GitHubCommitsSimulator(app);
        app.MapGet("/{**path}", simulator.HandleAsync);
        var address = await Loopback.StartAsync(app, cancellationToken).ConfigureAwait(false);
        simulator.BaseUrl = address + "/";
        return simulator;
    }

    public SimulatedRepository Add(SimulatedRepository repository)
    {
        repositories[$"{repository.Owner}/{repository.Name}"] = repository;
        return repository;
    }

    /// <summary>Serves the history of a real git repository as owner/name: every local branch (in git log order),
    /// every commit with its files, line counts and per-file patches against the first parent, as git computes them (-M).</summary>
    public SimulatedRepository AddFromGit(string owner, string name, string gitDirectory)
    {
        var repository = new SimulatedRepository(owner, name, Git(gitDirectory, "symbolic-ref", "--short", "HEAD").Trim());
        foreach (var branch in Git(gitDirectory, "for-each-ref", "--format=%(refname:short)", "refs/heads").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            repository.Branches[branch] = Git(gitDirectory, "log", "--format=%H", branch, "--").Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        }
        var log = Git(gitDirectory, "log", "--all", "--format=%H%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B%x1e");
        foreach (var record in log.Split('\u001e', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = record.TrimStart('\n').Split('\0');
            if (fields.Length < 9)
            {
                continue;
            }
            var parents = fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            repository.Commits[fields[0]] = new SimulatedCommit(
                fields[0], parents, fields[2], fields[3], DateTimeOffset.Parse(fields[4], CultureInfo.InvariantCulture),
                fields[5], fields[6], DateTimeOffset.Parse(fields[7], CultureInfo.InvariantCulture),
                fields[8].TrimEnd('\n'), FilesOf(gitDirectory, fields[0], parents.Length > 0 ? parents[0] : EmptyTree));
        }
        return Add(repository);
    }

    private static List<SimulatedFile> FilesOf(string gitDirectory, string sha, string parent)
    {
        var statuses = Git(gitDirectory, "diff", "--name-status", "-M", "-z", parent, sha, "--").Split('\0');
        var numbers = Git(gitDirectory, "diff", "--numstat", "-M", "-z", parent, sha, "--").Split('\0');
        var patches = Patches(Git(gitDirectory, "-c", "core.quotepath=false", "diff", "-M", "--no-color", "--no-ext-diff", parent, sha, "--"));
        var counts = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var i = 0; i < numbers.Length; i++)
        {
            var parts = numbers[i].TrimStart('\n').Split('\t');
            if (parts.Length < 3)
            {
                continue;
            }
            var path = parts[2];
            if (path.Length == 0)
            {
                // A rename: old and new path follow as their own fields.
                path = numbers[i + 2];
                i += 2;
            }
            counts[path] = (parts[0] == "-" ? 0 : int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1] == "-" ? 0 : int.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        var files = new List<SimulatedFile>();
        for (var i = 0; i < statuses.Length - 1; i++)
        {
            var letter = statuses[i].TrimStart('\n');
            if (letter.Length == 0)
            {
                continue;
            }
            string? previous = null;
            string path;
            if (letter[0] is 'R' or 'C')
            {
                previous = statuses[i + 1];
                path = statuses[i + 2];
                i += 2;
            }
            else
            {
                path = statuses[i + 1];
                i += 1;
            }
            var (additions, deletions) = counts.GetValueOrDefault(path);
            var status = letter[0] switch
            {
                'A' => "added",
                'D' => "removed",
                'R' => "renamed",
                'C' => "copied",
                'T' => "changed",
                _ => "modified",
            };
            files.Add(new SimulatedFile(path, previous, status, additions, deletions, patches.GetValueOrDefault(path)));
        }
        return files;
    }

    /// <summary>Splits <c>git diff</c> output into the hunks of each file, keyed by the new path (the old one for
    /// deletions), as GitHub's <c>patch</c> field carries them: no header, hunks only; binary files have none.</summary>
    private static Dictionary<string, string> Patches(string diff)
    {
        var patches = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in ("\n" + diff).Split("\ndiff --git ", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = section.Split('\n');
            string? path = null;
            var hunkStart = -1;
            for (var i = 1; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.StartsWith("@@", StringComparison.Ordinal))
                {
                    hunkStart = i;
                    break;
                }
                if (line.StartsWith("+++ b/", StringComparison.Ordinal) || line.StartsWith("rename to ", StringComparison.Ordinal))
                {
                    path = line.StartsWith('+') ? line[6..] : line["rename to ".Length..];
                }
                else if (line.StartsWith("--- a/", StringComparison.Ordinal) && path is null)
                {
                    path = line[6..];
                }
            }
            if (path is not null && hunkStart > 0)
            {
                patches[path] = string.Join('\n', lines[hunkStart..]).TrimEnd('\n');
            }
        }
        return patches;
    }

    private static string Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start git");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error.GetAwaiter().GetResult()}");
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = new SimulatedApiRequest
        {
            Index = Interlocked.Increment(ref counter),
            ReceivedAt = DateTimeOffset.UtcNow,
            Path = context.Request.Path + context.Request.QueryString,
            IfNoneMatch = context.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } inm ? inm : null,
            Authorization = context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
        };
        requests.Enqueue(request);
        var response = context.Response;
        response.Headers["X-RateLimit-Limit"] = "5000";
        response.Headers["X-RateLimit-Reset"] = resetEpoch.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Resource"] = "core";
        response.Headers["X-GitHub-Request-Id"] = $"SIM:{request.Index.ToString(CultureInfo.InvariantCulture)}";

        if (RequiredToken is { } token && request.Authorization != $"Bearer {token}" && request.Authorization != $"token {token}")
        {
            await FinishAsync(context, request, 401, new JsonObject { ["message"] = "Bad credentials", ["documentation_url"] = "https://docs.github.com/rest" })
                .ConfigureAwait(false);
            return;
        }
        switch (Faults(request))
        {
            case { Kind: GitHubFaultKind.SecondaryLimit } fault:
                response.Headers["Retry-After"] = fault.RetryAt is { } at
                    ? new RetryConditionHeaderValue(at).ToString()
                    : fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await FinishAsync(context, request, 403, new JsonObject
                {
                    ["message"] = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                    ["documentation_url"] = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
                }).ConfigureAwait(false);
                return;
            case { Kind: GitHubFaultKind.PrimaryLimit } fault:
                response.Headers["X-RateLimit-Remaining"] = "0";
                response.Headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.Add(fault.ResetIn).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                await FinishAsync(context, request, 403, new JsonObject
                {
                    ["message"] = "API rate limit exceeded for 127.0.0.1.",
                    ["documentation_url"] = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
                }).ConfigureAwait(false);
                return;
            case { Kind: GitHubFaultKind.ServerError } fault:
                request.Status = fault.Status;
                response.StatusCode = fault.Status;
                response.ContentType = "text/html";
                await response.WriteAsync("<html><body><h1>Server Error</h1></body></html>", context.RequestAborted).ConfigureAwait(false);
                return;
        }
        var (status, body, link) = Route(context);
        if (link is not null)
        {
            response.Headers["Link"] = link;
        }
        await FinishAsync(context, request, status, body).ConfigureAwait(false);
    }

    /// <summary>Writes the answer: a 304 when If-None-Match names the body's ETag (not counted), else the JSON with its ETag.</summary>
    private async Task FinishAsync(HttpContext context, SimulatedApiRequest request, int status, JsonNode body)
    {
        var response = context.Response;
        var text = body.ToJsonString();
        var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32]}\"";
        if (status == 200 && request.IfNoneMatch == etag)
        {
            request.Status = 304;
            response.StatusCode = 304;
            response.Headers.ETag = etag;
            response.Headers["X-RateLimit-Remaining"] = Volatile.Read(ref remaining).ToString(CultureInfo.InvariantCulture);
            return;
        }
        if (!response.Headers.ContainsKey("X-RateLimit-Remaining"))
        {
            var left = Math.Max(0, Interlocked.Decrement(ref remaining));
            response.Headers["X-RateLimit-Remaining"] = left.ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Used"] = (5000 - left).ToString(CultureInfo.InvariantCulture);
        }
        request.Status = status;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        if (status == 200)
        {
            response.Headers.ETag = etag;
        }
        await response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
    }

    private (int Status, JsonNode Body, string? Link) Route(HttpContext context)
    {
        var segments = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        if (segments.Length < 3 || segments[0] != "repos" || !repositories.TryGetValue($"{segments[1]}/{segments[2]}", out var repository))
        {
            return NotFound();
        }
        return segments.Length switch
        {
            3 => (200, RepositoryJson(repository), null),
            4 when segments[3] == "commits" => List(context, repository),
            5 when segments[3] == "commits" => Detail(repository, segments[4]),
            6 when segments[3] == "commits" && segments[5] == "pulls" => Pulls(repository, segments[4]),
            _ => NotFound(),
        };
    }

    private static (int, JsonNode, string?) NotFound() =>
        (404, new JsonObject { ["message"] = "Not Found", ["documentation_url"] = "https://docs.github.com/rest" }, null);

    private JsonObject RepositoryJson(SimulatedRepository repository) => new()
    {
        ["id"] = 4242,
        ["node_id"] = "R_kgDOsim",
        ["name"] = repository.Name,
        ["full_name"] = $"{repository.Owner}/{repository.Name}",
        ["private"] = false,
        ["owner"] = new JsonObject { ["login"] = repository.Owner, ["type"] = "Organization" },
        ["html_url"] = $"https://github.com/{repository.Owner}/{repository.Name}",
        ["url"] = $"{BaseUrl}repos/{repository.Owner}/{repository.Name}",
        ["default_branch"] = repository.DefaultBranch,
        ["visibility"] = "public",
    };

    private (int, JsonNode, string?) List(HttpContext context, SimulatedRepository repository)
    {
        var query = context.Request.Query;
        var reference = query["sha"].ToString() is { Length: > 0 } s ? s : repository.DefaultBranch;
        if (!repository.Branches.TryGetValue(reference, out var order))
        {
            return (404, new JsonObject { ["message"] = $"No commit found for SHA: {reference}" }, null);
        }
        DateTimeOffset? since = query["since"].ToString() is { Length: > 0 } a ? DateTimeOffset.Parse(a, CultureInfo.InvariantCulture) : null;
        DateTimeOffset? until = query["until"].ToString() is { Length: > 0 } b ? DateTimeOffset.Parse(b, CultureInfo.InvariantCulture) : null;
        var perPage = Math.Clamp(int.TryParse(query["per_page"], out var pp) ? pp : 30, 1, MaxPerPage);
        var page = Math.Max(1, int.TryParse(query["page"], out var p) ? p : 1);
        var matching = order
            .Select(sha => repository.Commits[sha])
            .Where(c => (since is null || c.CommitterDate >= since) && (until is null || c.CommitterDate <= until))
            .ToList();
        var items = new JsonArray(matching.Skip((page - 1) * perPage).Take(perPage).Select(c => (JsonNode)CommitJson(repository, c, withFiles: false)).ToArray());
        var last = Math.Max(1, (matching.Count + perPage - 1) / perPage);
        string Page(int n)
        {
            var parameters = query.Where(q => q.Key != "page").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}")
                .Append($"page={n.ToString(CultureInfo.InvariantCulture)}");
            return $"<{BaseUrl}repos/{repository.Owner}/{repository.Name}/commits?{string.Join('&', parameters)}>";
        }
        var links = new List<string>();
        if (page < last)
        {
            links.Add($"{Page(page + 1)}; rel=\"next\"");
            links.Add($"{Page(last)}; rel=\"last\"");
        }
        if (page > 1)
        {
            links.Add($"{Page(1)}; rel=\"first\"");
            links.Add($"{Page(page - 1)}; rel=\"prev\"");
        }
        return (200, items, links.Count > 0 ? string.Join(", ", links) : null);
    }

    private (int, JsonNode, string?) Detail(SimulatedRepository repository, string reference)
    {
        var sha = repository.Branches.TryGetValue(reference, out var order) && order.Count > 0 ? order[0] : reference;
        return repository.Commits.TryGetValue(sha, out var commit)
            ? (200, CommitJson(repository, commit, withFiles: true), null)
            : (422, new JsonObject { ["message"] = $"No commit found for SHA: {reference}" }, null);
    }

    private (int, JsonNode, string?) Pulls(SimulatedRepository repository, string sha)
    {
        if (!repository.Commits.ContainsKey(sha))
        {
            return (422, new JsonObject { ["message"] = $"No commit found for SHA: {sha}" }, null);
        }
        var pulls = repository.PullRequests.TryGetValue(sha, out var list) ? list : [];
        return (200, new JsonArray(pulls.Select(pr => (JsonNode)new JsonObject
        {
            ["url"] = $"{BaseUrl}repos/{repository.Owner}/{repository.Name}/pulls/{pr.Number}",
            ["number"] = pr.Number,
            ["state"] = pr.State,
            ["title"] = pr.Title,
            ["user"] = new JsonObject { ["login"] = "octocat" },
            ["labels"] = new JsonArray(pr.Labels.Select((l, i) => (JsonNode)new JsonObject { ["id"] = i + 1, ["name"] = l, ["color"] = "ededed" }).ToArray()),
            ["merged_at"] = pr.MergedAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["base"] = new JsonObject { ["ref"] = pr.Base },
            ["html_url"] = $"https://github.com/{repository.Owner}/{repository.Name}/pull/{pr.Number}",
        }).ToArray()), null);
    }

    private JsonObject CommitJson(SimulatedRepository repository, SimulatedCommit commit, bool withFiles)
    {
        var api = $"{BaseUrl}repos/{repository.Owner}/{repository.Name}";
        var json = new JsonObject
        {
            ["sha"] = commit.Sha,
            ["node_id"] = "C_sim" + commit.Sha[..8],
            ["commit"] = new JsonObject
            {
                ["author"] = Signature(commit.AuthorName, commit.AuthorEmail, commit.AuthorDate),
                ["committer"] = Signature(commit.CommitterName, commit.CommitterEmail, commit.CommitterDate),
                ["message"] = commit.Message,
                ["tree"] = new JsonObject { ["sha"] = new string('0', 40), ["url"] = $"{api}/git/trees/{new string('0', 40)}" },
                ["url"] = $"{api}/git/commits/{commit.Sha}",
                ["comment_count"] = 0,
                ["verification"] = new JsonObject { ["verified"] = false, ["reason"] = "unsigned", ["signature"] = null, ["payload"] = null },
            },
            ["url"] = $"{api}/commits/{commit.Sha}",
            ["html_url"] = $"https://github.com/{repository.Owner}/{repository.Name}/commit/{commit.Sha}",
            ["author"] = null,
            ["committer"] = null,
            ["parents"] = new JsonArray(commit.Parents.Select(p => (JsonNode)new JsonObject
            {
                ["sha"] = p,
                ["url"] = $"{api}/commits/{p}",
                ["html_url"] = $"https://github.com/{repository.Owner}/{repository.Name}/commit/{p}",
            }).ToArray()),
        };
        if (withFiles)
        {
            json["stats"] = new JsonObject
            {
                ["total"] = commit.Files.Sum(f => f.Additions + f.Deletions),
                ["additions"] = commit.Files.Sum(f => f.Additions),
                ["deletions"] = commit.Files.Sum(f => f.Deletions),
            };
            json["files"] = new JsonArray(commit.Files.Take(MaxFiles).Select(f =>
            {
                var file = new JsonObject
                {
                    ["sha"] = new string('1', 40),
                    ["filename"] = f.Filename,
                    ["status"] = f.Status,
                    ["additions"] = f.Additions,
                    ["deletions"] = f.Deletions,
                    ["changes"] = f.Additions + f.Deletions,
                    ["blob_url"] = $"https://github.com/{repository.Owner}/{repository.Name}/blob/{commit.Sha}/{f.Filename}",
                    ["raw_url"] = $"https://github.com/{repository.Owner}/{repository.Name}/raw/{commit.Sha}/{f.Filename}",
                    ["contents_url"] = $"{api}/contents/{f.Filename}?ref={commit.Sha}",
                };
                if (f.Patch is { } patch && patch.Length <= MaxPatchLength)
                {
                    file["patch"] = patch;
                }
                if (f.PreviousFilename is { } previous)
                {
                    file["previous_filename"] = previous;
                }
                return (JsonNode)file;
            }).ToArray());
        }
        return json;
    }

    private static JsonObject Signature(string name, string email, DateTimeOffset date) => new()
    {
        ["name"] = name,
        ["email"] = email,
        // GitHub gives UTC with 'Z', dropping the offset the commit was made with.
        ["date"] = date.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>A repository the simulator serves: branches (sha lists, newest first as git log lists them),
/// commits by sha, and the pull requests each commit belongs to.</summary>
public sealed class SimulatedRepository(string owner, string name, string defaultBranch)
{
    public string Owner { get; } = owner;
    public string Name { get; } = name;
    public string DefaultBranch { get; set; } = defaultBranch;
    public Dictionary<string, List<string>> Branches { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, SimulatedCommit> Commits { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, List<SimulatedPullRequest>> PullRequests { get; } = new(StringComparer.Ordinal);
}

public sealed record SimulatedCommit(
    string Sha,
    IReadOnlyList<string> Parents,
    string AuthorName,
    string AuthorEmail,
    DateTimeOffset AuthorDate,
    string CommitterName,
    string CommitterEmail,
    DateTimeOffset CommitterDate,
    string Message,
    IReadOnlyList<SimulatedFile> Files);

/// <summary>A file of a commit as GitHub lists it; <see cref="Patch"/> is the hunks only (null for binary files).</summary>
public sealed record SimulatedFile(string Filename, string? PreviousFilename, string Status, int Additions, int Deletions, string? Patch);

public sealed record SimulatedPullRequest(int Number, string Title, IReadOnlyList<string> Labels, DateTimeOffset? MergedAt, string State = "closed", string Base = "main");

/// <summary>One request as the GitHub simulator received and answered it.</summary>
public sealed class SimulatedApiRequest
{
    public required int Index { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Path and query, e.g. /repos/acme/demo/commits?sha=main&amp;page=2.</summary>
    public required string Path { get; init; }
    public string? IfNoneMatch { get; init; }
    public string? Authorization { get; init; }

    /// <summary>The status answered (set once the answer is written).</summary>
    public int Status { get; set; }

    public string PathOnly => Path.Split('?')[0];
}

public enum GitHubFaultKind
{
    /// <summary>403 with Retry-After (a secondary rate limit): seconds, or an HTTP date when <see cref="GitHubFault.RetryAt"/> is set.</summary>
    SecondaryLimit,
    /// <summary>403 with X-RateLimit-Remaining: 0 and X-RateLimit-Reset <see cref="GitHubFault.ResetIn"/> from now.</summary>
    PrimaryLimit,
    /// <summary>An HTTP error status (502…) with an HTML body.</summary>
    ServerError,
}

public sealed record GitHubFault(GitHubFaultKind Kind, int Status = 0, int RetryAfterSeconds = 0, TimeSpan ResetIn = default, DateTimeOffset? RetryAt = null)
{
    public static GitHubFault SecondaryLimit(int retryAfterSeconds) => new(GitHubFaultKind.SecondaryLimit, 403, RetryAfterSeconds: retryAfterSeconds);

    /// <summary>A secondary rate limit whose Retry-After is an HTTP date (e.g. "Sun, 29 Nov 2026 05:00:03 GMT").</summary>
    public static GitHubFault SecondaryLimitUntil(DateTimeOffset retryAt) => new(GitHubFaultKind.SecondaryLimit, 403, RetryAt: retryAt);
    public static GitHubFault PrimaryLimit(TimeSpan resetIn) => new(GitHubFaultKind.PrimaryLimit, 403, ResetIn: resetIn);
    public static GitHubFault Error(int status) => new(GitHubFaultKind.ServerError, status);
}
