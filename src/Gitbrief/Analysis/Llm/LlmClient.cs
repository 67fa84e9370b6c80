using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using Gitbrief.Common;
using Gitbrief.Http;
using Microsoft.Extensions.AI;
using OpenAI;
using Polly;

namespace Gitbrief.Analysis.Llm;

/// <summary>Sends chat-completion requests to any OpenAI-compatible endpoint through Microsoft.Extensions.AI:
/// throttled (concurrency, RPM, TPM, server pauses), streamed with an idle time-out, retried with
/// exponential back-off and jitter honouring Retry-After (<see cref="RetryPolicy"/>), within a per-run retry budget.
/// When the endpoint refuses structured output it steps down to JSON mode, then plain text, once per run.
/// An endpoint that does not answer at all a few times in a row is taken as down (<see cref="EndpointBreaker"/>):
/// the rest of the run asks it nothing. A request over the server's context length fails with
/// <see cref="LlmFailure.ContextExceeded"/>, so the caller can try once with a smaller prompt.</summary>
internal sealed class LlmClient : IAsyncDisposable
{
    /// <summary>The longest server-requested wait that is honoured; a longer one fails the request.</summary>
    public static readonly TimeSpan MaxServerDelay = TimeSpan.FromMinutes(2);

    private readonly IChatClient chat;
    private readonly HttpClient http;
    private readonly RequestThrottle throttle;
    private readonly TimeProvider time;
    private readonly ResiliencePipeline<ChatResponse> retry;
    private readonly EndpointBreaker breaker = new();
    private int retryBudget;
    private int formatStep;

    public LlmClient(LlmOptions options, TimeProvider? time = null)
    {
        Options = options;
        this.time = time ?? TimeProvider.System;
        throttle = new RequestThrottle(options.Settings.MaxConcurrency, options.Settings.RequestsPerMinute, options.Settings.TokensPerMinute, this.time, options.Admission);
        http = HttpTransport.Client(new RateLimitHandler(throttle, this.time));
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Settings.Timeout + TimeSpan.FromSeconds(5),
        };
        chat = new OpenAI.Chat.ChatClient(options.Model, new ApiKeyCredential(options.ApiKey), clientOptions).AsIChatClient();
        retryBudget = options.Settings.RetryBudget;
        retry = RetryPipeline();
        formatStep = options.ResponseFormat switch
        {
            ResponseFormatMode.JsonObject => 1,
            ResponseFormatMode.Text => 2,
            _ => 0,
        };
    }

    public LlmOptions Options { get; }

    /// <summary>Why the endpoint is taken as down for the rest of the run, or null while it is not.</summary>
    public string? EndpointDown => breaker.IsDown ? SecretRedactor.Redact(breaker.Reason) : null;

    /// <summary>Sends the conversation and returns the reply. Throws <see cref="LlmFailure"/> with a
    /// secret-free reason when no usable reply came back.</summary>
    public async Task<LlmReply> CompleteAsync(
        IList<ChatMessage> messages, int inputTokens, JsonElement schema, string schemaName, CancellationToken cancellationToken)
    {
        var attempts = 0;
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, breaker.Down);
        while (true)
        {
            if (EndpointDown is { } down)
            {
                throw new LlmFailure(down, attempts);
            }
            var step = Volatile.Read(ref formatStep);
            try
            {
                var response = await retry.ExecuteAsync(
                    async token =>
                    {
                        Interlocked.Increment(ref attempts);
                        return await SendAsync(messages, inputTokens, Format(step, schema, schemaName), token).ConfigureAwait(false);
                    },
                    running.Token).ConfigureAwait(false);
                var usage = response.Usage;
                return new LlmReply(
                    response.Text,
                    response.FinishReason == ChatFinishReason.Length,
                    attempts,
                    usage?.InputTokenCount ?? inputTokens,
                    usage?.OutputTokenCount ?? 0,
                    attempts - 1);
            }
            catch (ClientResultException e) when (e.Status == 400 && Options.ResponseFormat == ResponseFormatMode.Auto && step < 2 && RefusesFormat(e))
            {
                Interlocked.CompareExchange(ref formatStep, step + 1, step);
            }
            catch (OperationCanceledException) when (EndpointDown is { } gone && !cancellationToken.IsCancellationRequested)
            {
                throw new LlmFailure(gone, attempts);
            }
            catch (ClientResultException e) when (e.Status == 400 && IsContextExceeded(e))
            {
                throw new LlmFailure(Describe(e, attempts), attempts) { ContextExceeded = true };
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw new LlmFailure(Describe(e, attempts), attempts);
            }
        }
    }

    private async Task<ChatResponse> SendAsync(IList<ChatMessage> messages, int inputTokens, ChatResponseFormat? format, CancellationToken cancellationToken)
    {
        await using var slot = await throttle.AcquireAsync(inputTokens + Options.Settings.MaxOutputTokens, cancellationToken).ConfigureAwait(false);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(Options.Settings.Timeout);
        var options = new ChatOptions
        {
            MaxOutputTokens = Options.Settings.MaxOutputTokens,
            Temperature = (float?)Options.Settings.Temperature,
            ResponseFormat = format,
        };
        try
        {
            ChatResponse response;
            if (!Options.Settings.Stream)
            {
                response = await chat.GetResponseAsync(messages, options, attempt.Token).ConfigureAwait(false);
            }
            else
            {
                var updates = new List<ChatResponseUpdate>();
                await foreach (var update in chat.GetStreamingResponseAsync(messages, options, attempt.Token).ConfigureAwait(false))
                {
                    updates.Add(update);
                    attempt.CancelAfter(Options.Settings.Timeout);
                }
                response = updates.ToChatResponse();
            }
            breaker.Answered();
            return response;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LlmTimeoutException(Options.Settings.Timeout);
        }
        catch (ClientResultException e) when (e.Status > 0)
        {
            breaker.Answered();
            throw;
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            breaker.ConnectionFailed(FirstLine(e is ClientResultException c ? c.InnerException?.Message ?? c.Message : e.Message));
            throw;
        }
    }

    /// <summary>Built once: every request shares it, and with it the run's retry budget.</summary>
    private ResiliencePipeline<ChatResponse> RetryPipeline() =>
        new RetryPolicy(Options.Settings.MaxRetries, Options.Settings.RetryDelay, MaxServerDelay).Build<ChatResponse>(
            time,
            outcome => outcome.Exception is { } e ? ServerDelay(e) : null,
            outcome => outcome.Exception is { } e && !breaker.IsDown && IsTransient(e) && Interlocked.Decrement(ref retryBudget) >= 0);

    private static ChatResponseFormat? Format(int step, JsonElement schema, string schemaName) => step switch
    {
        0 => ChatResponseFormat.ForJsonSchema(schema, schemaName),
        1 => ChatResponseFormat.Json,
        _ => null,
    };

    private static bool IsTransient(Exception e) => e switch
    {
        ClientResultException c => c.Status is 0 or 408 or 409 or 425 or 429 or >= 500,
        HttpRequestException or IOException or LlmTimeoutException => true,
        _ => false,
    };

    /// <summary>No HTTP answer at all: the connection was refused, the host is unknown or unreachable.</summary>
    private static bool IsConnectionFailure(Exception e) => e switch
    {
        ClientResultException { Status: 0 } => true,
        HttpRequestException { StatusCode: null } => true,
        _ => false,
    };

    /// <summary>The server's words for a prompt over its context length (OpenAI, vLLM, SGLang, DeepSeek, Ollama phrasings).</summary>
    private static bool IsContextExceeded(ClientResultException e)
    {
        var text = (e.GetRawResponse()?.Content?.ToString() ?? "") + " " + e.Message;
        return text.Contains("context_length_exceeded", StringComparison.OrdinalIgnoreCase)
            || text.Contains("context length", StringComparison.OrdinalIgnoreCase)
            || text.Contains("context window", StringComparison.OrdinalIgnoreCase)
            || text.Contains("too many tokens", StringComparison.OrdinalIgnoreCase)
            || text.Contains("prompt is too long", StringComparison.OrdinalIgnoreCase)
            || text.Contains("input is too long", StringComparison.OrdinalIgnoreCase);
    }

    private TimeSpan? ServerDelay(Exception e)
    {
        if (e is not ClientResultException { Status: 429 or 503 } c || c.GetRawResponse() is not { } response)
        {
            return null;
        }
        string? Header(string name) => response.Headers.TryGetValue(name, out var value) ? value : null;
        return RateLimitHeaders.RetryAfter(Header, time.GetUtcNow()) ?? RateLimitHeaders.ExhaustedFor(Header);
    }

    private static bool RefusesFormat(ClientResultException e)
    {
        var text = (e.GetRawResponse()?.Content?.ToString() ?? "") + " " + e.Message;
        return text.Contains("response_format", StringComparison.OrdinalIgnoreCase)
            || text.Contains("json_schema", StringComparison.OrdinalIgnoreCase)
            || text.Contains("structured output", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A one-line, secret-free reason for a failed request.</summary>
    private string Describe(Exception e, int attempts)
    {
        var tries = attempts > 1 ? $" after {attempts} attempts" : "";
        var budget = Volatile.Read(ref retryBudget) < 0 ? " (run retry budget exhausted)" : "";
        var what = e switch
        {
            ClientResultException { Status: > 0 } c => $"HTTP {c.Status}: {FirstLine(ServerMessage(c))}",
            ClientResultException c => $"connection failed: {FirstLine(c.InnerException?.Message ?? c.Message)}",
            LlmTimeoutException t => t.Message,
            HttpRequestException h => $"connection failed: {FirstLine(h.Message)}",
            IOException io => $"connection lost: {FirstLine(io.Message)}",
            OperationCanceledException => $"no response within {Options.Settings.Timeout.TotalSeconds:0} s",
            _ => $"{e.GetType().Name}: {FirstLine(e.Message)}",
        };
        return SecretRedactor.Redact(what + tries + budget);
    }

    private static string ServerMessage(ClientResultException e)
    {
        var body = e.GetRawResponse()?.Content?.ToString();
        if (body is not null)
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.TryGetProperty("error", out var error))
                {
                    return error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message)
                        ? message.ToString()
                        : error.ToString();
                }
            }
            catch (JsonException)
            {
                return body;
            }
        }
        return e.Message;
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    public async ValueTask DisposeAsync()
    {
        breaker.Dispose();
        chat.Dispose();
        http.Dispose();
        await throttle.DisposeAsync().ConfigureAwait(false);
    }
}
