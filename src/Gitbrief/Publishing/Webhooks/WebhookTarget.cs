using System.Globalization;
using System.Net.Http.Headers;
using Gitbrief.Common;
using Gitbrief.Configuration;
using Gitbrief.Http;
using Gitbrief.Publishing.Digests;
using Polly;

namespace Gitbrief.Publishing.Webhooks;

/// <summary>How the webhook target talks HTTP: the time-out of one attempt, the retries of a 429 / 5xx /
/// connection failure (exponential back-off with jitter, or the server's Retry-After), and the longest
/// Retry-After honoured (a longer one fails the message, to be sent by the next run).</summary>
internal sealed record WebhookHttpOptions(TimeSpan Timeout, int MaxRetries, TimeSpan RetryDelay, TimeSpan MaxServerDelay)
{
    public static WebhookHttpOptions Default { get; } = new(TimeSpan.FromSeconds(30), 3, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));

    public RetryPolicy Retries => new(MaxRetries, RetryDelay, MaxServerDelay);
}

/// <summary><c>webhook</c>: one chat message per repository-day (a <see cref="DayDigest"/>) to Slack, Feishu/Lark,
/// DingTalk, WeCom or any JSON endpoint. The URL (it holds a token) and the signing secret come from
/// environment variables named in the config. A message already sent is not sent again unless the run says
/// <c>--resend</c>; when the day's report changed since (late commits, a force-push, levels), a short update
/// naming what changed is sent instead (<c>on_change: update</c>, the default; <c>ignore</c> sends nothing).
/// A message is recorded once the platform said delivered
/// (2xx, and code / errcode 0 where the platform answers with one). Messages go one at a time, paced to
/// the platform's rate limit; the first failure stops the target and the next run sends what is missing.</summary>
internal sealed class WebhookTarget : IPublishTarget
{
    public const int DefaultMaxCommits = DayDigest.DefaultMaxCommits;

    private readonly WebhookFormatter formatter;
    private readonly Uri url;
    private readonly string? secret;
    private readonly int maxCommits;
    private readonly TimeProvider time;
    private readonly WebhookHttpOptions options;
    private readonly ResiliencePipeline<Attempt> retries;

    internal WebhookTarget(string id, WebhookFormatter formatter, Uri url, string? secret, int maxCommits, TimeProvider time, WebhookHttpOptions? options = null,
        ChangePolicy onChange = ChangePolicy.Update)
    {
        OnChange = onChange;
        Id = id;
        this.formatter = formatter;
        this.url = url;
        this.secret = secret;
        this.maxCommits = maxCommits;
        this.time = time;
        this.options = options ?? WebhookHttpOptions.Default;
        retries = this.options.Retries.Build<Attempt>(
            time,
            outcome => outcome.Result?.RetryAfter,
            outcome => outcome switch
            {
                { Exception: HttpRequestException } => true,
                { Result.Verdict.Transient: true } => true,
                _ => false,
            });
        RegisterSecrets(url);
        SecretRedactor.Register(secret);
    }

    public string Id { get; }

    public string Kind => "webhook";

    /// <summary>What to do when a day already sent changed (config <c>on_change</c>).</summary>
    public ChangePolicy OnChange { get; }

    /// <summary>The retry pipeline, built once with the target: every message of every run shares it.</summary>
    internal ResiliencePipeline<Attempt> Retries => retries;

    public static IPublishTarget Create(TargetSettings settings, PublishContext context) => Create(settings, context, null);

    internal static WebhookTarget Create(TargetSettings settings, PublishContext context, WebhookHttpOptions? options)
    {
        var flavor = settings.Choice("flavor") ?? settings.RequiredString("flavor");
        WebhookFormatter formatter = flavor switch
        {
            "slack" => new SlackFormatter(),
            "feishu" => new FeishuFormatter(),
            "dingtalk" => new DingTalkFormatter(),
            "wecom" => new WeComFormatter(),
            _ => new JsonFormatter(),
        };
        var text = settings.Secret("url_env", context.Environment)!;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw settings.Error("url_env", $"environment variable {settings.String("url_env")} (named by 'url_env') is not an http(s) URL");
        }
        if (UrlSecrecy.HasCredentials(url) || UrlSecrecy.IsPlainHttpOffLoopback(url))
        {
            // The URL is the secret (and carries the signed message): not over plain http, not with a password in it.
            var problem = UrlSecrecy.HasCredentials(url) ? UrlSecrecy.CredentialsProblem : UrlSecrecy.PlainHttpProblem;
            throw settings.Error("url_env", $"the URL in {settings.String("url_env")} (named by 'url_env') {problem}");
        }
        RegisterSecrets(url);
        if (settings.Has("secret_env") && !formatter.Signs)
        {
            throw settings.Error("secret_env", $"flavor '{flavor}' has no signing secret (its URL is the secret); remove 'secret_env'");
        }
        var secret = settings.Has("secret_env") ? settings.Secret("secret_env", context.Environment) : null;
        var maxCommits = settings.Int("max_commits") ?? DefaultMaxCommits;
        return new WebhookTarget(settings.Identity("webhook:" + flavor), formatter, url, secret, maxCommits, context.Time, options, ChangePolicies.Read(settings));
    }

    public async Task<TargetOutcome> PublishAsync(PublishBatch batch, PublishLedger ledger, CancellationToken cancellationToken)
    {
        var work = await ChangePolicies.SortAsync(Id, batch, ledger, OnChange, cancellationToken).ConfigureAwait(false);
        if (work.Pending.Count == 0)
        {
            return new TargetOutcome(Id, 0, 0, work.Skipped);
        }
        using var http = HttpTransport.Client(HttpTransport.Handler(options.Timeout, followRedirects: false), maxResponseBytes: 1 << 20);
        var (delivered, updated) = (0, 0);
        foreach (var (report, change) in work.Pending)
        {
            if (delivered + updated > 0 && formatter.Pace > TimeSpan.Zero)
            {
                await Task.Delay(formatter.Pace, time, cancellationToken).ConfigureAwait(false);
            }
            try
            {
                var digest = DayDigest.Of(report, batch.Language, batch.ReportUrl(report), change, maxCommits);
                var request = formatter.Prepare(digest, url, secret, time.GetUtcNow());
                await SendAsync(http, request, cancellationToken).ConfigureAwait(false);
            }
            catch (GitbriefException e)
            {
                var sent = delivered + updated;
                var rest = work.Pending.Count > 1
                    ? string.Create(CultureInfo.InvariantCulture, $" ({sent} of {work.Pending.Count} sent; the next run sends the rest)")
                    : "";
                return new TargetOutcome(Id, delivered, updated, work.Skipped, SecretRedactor.Redact($"{report.Repository} {report.IsoDate} not sent: {e.Message}{rest}"));
            }
            await ledger.RecordAsync(Id, report, formatter.Flavor, batch.Now, cancellationToken).ConfigureAwait(false);
            if (change is null)
            {
                delivered++;
            }
            else
            {
                updated++;
            }
        }
        return new TargetOutcome(Id, delivered, updated, work.Skipped);
    }

    /// <summary>One message, retried on 429 / 5xx / a platform's "too fast" code / a failed connection.
    /// A time-out is not retried: the platform may have posted the message already.</summary>
    private async Task SendAsync(HttpClient http, WebhookRequest request, CancellationToken cancellationToken)
    {
        var attempts = 0;
        Attempt outcome;
        try
        {
            outcome = await retries.ExecuteAsync(
                async token =>
                {
                    Interlocked.Increment(ref attempts);
                    return await AttemptAsync(http, request, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new GitbriefException($"connection failed: {FirstLine(e.Message)}{Tries(attempts)}");
        }
        if (!outcome.Verdict.Delivered)
        {
            var wait = outcome.RetryAfter is { } after && after > options.MaxServerDelay
                ? string.Create(CultureInfo.InvariantCulture, $" (asked to wait {after.TotalSeconds:0} s)")
                : "";
            throw new GitbriefException(outcome.Verdict.Problem + wait + Tries(attempts));
        }
    }

    private async Task<Attempt> AttemptAsync(HttpClient http, WebhookRequest request, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.Timeout);
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Url) { Content = new ByteArrayContent(request.Body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, attempt.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(attempt.Token).ConfigureAwait(false);
            return new Attempt(
                formatter.Judge((int)response.StatusCode, body),
                RateLimitHeaders.RetryAfter(response.Headers, time.GetUtcNow()));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GitbriefException(string.Create(CultureInfo.InvariantCulture, $"no answer within {options.Timeout.TotalSeconds:0} s (not retried: it may have been posted)"));
        }
    }

    private static string Tries(int attempts) => attempts > 1 ? string.Create(CultureInfo.InvariantCulture, $" after {attempts} attempts") : "";

    private static string FirstLine(string text) => WebhookText.Clip(WebhookText.OneLine(text.Split('\n', 2)[0]), 200);

    /// <summary>The URL's token-bearing parts are secrets too: its path and query, long path segments, query values.</summary>
    private static void RegisterSecrets(Uri url)
    {
        SecretRedactor.Register(url.OriginalString);
        SecretRedactor.Register(url.AbsoluteUri);
        if (url.PathAndQuery.Length > 1)
        {
            SecretRedactor.Register(url.PathAndQuery);
        }
        foreach (var segment in url.AbsolutePath.Split('/').Where(s => s.Length >= 12))
        {
            SecretRedactor.Register(segment);
            SecretRedactor.Register(Uri.UnescapeDataString(segment));
        }
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var value = pair.Split('=', 2) is [_, var v] ? v : pair;
            if (value.Length >= 8)
            {
                SecretRedactor.Register(value);
                SecretRedactor.Register(Uri.UnescapeDataString(value));
            }
        }
    }

    /// <summary>What one attempt got: the platform's verdict and how long it asked to wait.</summary>
    internal sealed record Attempt(WebhookVerdict Verdict, TimeSpan? RetryAfter);
}
