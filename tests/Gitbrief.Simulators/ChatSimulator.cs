using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.ML.Tokenizers;

namespace Gitbrief.Simulators;

/// <summary>An OpenAI-compatible chat-completions server on 127.0.0.1 (random port): POST /v1/chat/completions
/// and /chat/completions, JSON or SSE streaming, usage fields, a context limit answered with 400 like real
/// servers, optional latency, and scripted faults. It records every request and the peak number in flight.</summary>
public sealed partial class ChatSimulator : IAsyncDisposable
{
    private static readonly Lazy<Tokenizer> Tokens = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));
    private readonly WebApplication app;
    private readonly ConcurrentQueue<SimulatedRequest> requests = new();
    private int counter;
    private int inFlight;
    private int maxInFlight;

    private ChatSimulator(WebApplication app) => this.app = app;

    /// <summary>http://127.0.0.1:port/v1</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Requests whose prompt exceeds this many tokens (plus max_tokens) get a 400.</summary>
    public int ContextLimit { get; set; } = 32_768;

    /// <summary>Added before every answer.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Chooses a fault for a request (null: answer normally). Called once per request.</summary>
    public Func<SimulatedRequest, SimulatedFault?> Faults { get; set; } = _ => null;

    /// <summary>Writes the answer text of a successful request; default: a valid analysis or highlights JSON.</summary>
    public Func<SimulatedRequest, string> Answer { get; set; } = DefaultAnswer;

    /// <summary>Size of each streamed content chunk, in characters.</summary>
    public int ChunkSize { get; set; } = 24;

    public IReadOnlyList<SimulatedRequest> Requests => requests.OrderBy(r => r.Index).ToList();

    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    public static async Task<ChatSimulator> StartAsync(CancellationToken cancellationToken = default)
    {
        var app = Loopback.Create();
        var simulator = new ChatSimulator(app);
        app.MapPost("/v1/chat/completions", simulator.HandleAsync);
        app.MapPost("/chat/completions", simulator.HandleAsync);
        var address = await Loopback.StartAsync(app, cancellationToken).ConfigureAwait(false);
        simulator.BaseUrl = address + "/v1";
        return simulator;
    }

    /// <summary>Counts as the simulator does: o200k_base tokens of every message plus 4 per message.</summary>
    public static int CountTokens(IEnumerable<string> contents) => contents.Sum(c => Tokens.Value.CountTokens(c) + 4);

    private async Task HandleAsync(HttpContext context)
    {
        var current = Interlocked.Increment(ref inFlight);
        InterlockedMax(ref maxInFlight, current);
        try
        {
            await RespondAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (time-out): nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task RespondAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(aborted).ConfigureAwait(false);
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            await ErrorAsync(context, 400, "invalid_request_error", "request body is not JSON").ConfigureAwait(false);
            return;
        }
        var messages = (json?["messages"] as JsonArray ?? []).Select(m => (Role: (string?)m?["role"] ?? "", Content: ContentOf(m?["content"]))).ToList();
        var request = new SimulatedRequest
        {
            Index = Interlocked.Increment(ref counter),
            ReceivedAt = DateTimeOffset.UtcNow,
            Path = context.Request.Path,
            Model = (string?)json?["model"] ?? "",
            Stream = json?["stream"] is JsonValue s && s.GetValue<bool>(),
            ResponseFormat = (string?)json?["response_format"]?["type"],
            Messages = messages,
            InputTokens = CountTokens(messages.Select(m => m.Content)),
            MaxTokens = (int?)json?["max_completion_tokens"] ?? (int?)json?["max_tokens"],
            Authorization = context.Request.Headers.Authorization.ToString(),
            Body = body,
            Sha = messages.Select(m => ShaLine().Match(m.Content)).FirstOrDefault(m => m.Success)?.Groups[1].Value,
        };
        requests.Enqueue(request);
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, aborted).ConfigureAwait(false);
        }
        if (request.InputTokens + (request.MaxTokens ?? 0) > ContextLimit)
        {
            await ErrorAsync(context, 400, "invalid_request_error", string.Create(CultureInfo.InvariantCulture,
                $"This model's maximum context length is {ContextLimit} tokens. However, you requested {request.InputTokens + (request.MaxTokens ?? 0)} tokens ({request.InputTokens} in the messages, {request.MaxTokens ?? 0} in the completion)."),
                "context_length_exceeded").ConfigureAwait(false);
            return;
        }
        var fault = Faults(request);
        var answer = Answer(request);
        var finish = "stop";
        switch (fault?.Kind)
        {
            case FaultKind.RateLimit:
                context.Response.Headers["Retry-After"] = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                context.Response.Headers["x-ratelimit-remaining-requests"] = "0";
                await ErrorAsync(context, 429, "rate_limit_exceeded", "Rate limit reached for requests").ConfigureAwait(false);
                return;
            case FaultKind.ServerError:
                await ErrorAsync(context, fault.Status, "server_error", "The server had an error while processing your request").ConfigureAwait(false);
                return;
            case FaultKind.RefuseFormat:
                await ErrorAsync(context, 400, "invalid_request_error", $"response_format type '{request.ResponseFormat}' is not supported by this model").ConfigureAwait(false);
                return;
            case FaultKind.Stall:
                await Task.Delay(fault.Duration, aborted).ConfigureAwait(false);
                break;
            case FaultKind.Truncated:
                answer = answer[..(answer.Length / 2)];
                finish = "length";
                break;
            case FaultKind.InvalidJson:
                answer = "I think this commit is quite interesting, but I cannot produce JSON right now.";
                break;
            case FaultKind.Prose:
                answer = "Sure! Here is the analysis:\n```json\n" + answer + "\n```\nLet me know if you need more.";
                break;
        }
        var outputTokens = Tokens.Value.CountTokens(answer);
        if (request.Stream)
        {
            await StreamAsync(context, request, answer, finish, outputTokens, json?["stream_options"]?["include_usage"] is JsonValue u && u.GetValue<bool>()).ConfigureAwait(false);
        }
        else
        {
            var response = new JsonObject
            {
                ["id"] = $"chatcmpl-{request.Index}",
                ["object"] = "chat.completion",
                ["created"] = 1_767_225_600,
                ["model"] = request.Model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer },
                    ["finish_reason"] = finish,
                }),
                ["usage"] = Usage(request.InputTokens, outputTokens),
            };
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.ToJsonString(), aborted).ConfigureAwait(false);
        }
    }

    private async Task StreamAsync(HttpContext context, SimulatedRequest request, string answer, string finish, int outputTokens, bool includeUsage)
    {
        var aborted = context.RequestAborted;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        async Task SendAsync(JsonObject delta, string? finishReason, JsonNode? usage = null, bool noChoices = false)
        {
            var chunk = new JsonObject
            {
                ["id"] = $"chatcmpl-{request.Index}",
                ["object"] = "chat.completion.chunk",
                ["created"] = 1_767_225_600,
                ["model"] = request.Model,
                ["choices"] = noChoices ? new JsonArray() : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
            };
            if (usage is not null)
            {
                chunk["usage"] = usage;
            }
            await context.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n", aborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
        }
        await SendAsync(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null).ConfigureAwait(false);
        for (var i = 0; i < answer.Length; i += ChunkSize)
        {
            await SendAsync(new JsonObject { ["content"] = answer.Substring(i, Math.Min(ChunkSize, answer.Length - i)) }, null).ConfigureAwait(false);
        }
        await SendAsync(new JsonObject(), finish).ConfigureAwait(false);
        if (includeUsage)
        {
            await SendAsync(new JsonObject(), null, Usage(request.InputTokens, outputTokens), noChoices: true).ConfigureAwait(false);
        }
        await context.Response.WriteAsync("data: [DONE]\n\n", aborted).ConfigureAwait(false);
    }

    private static JsonObject Usage(int input, int output) => new()
    {
        ["prompt_tokens"] = input,
        ["completion_tokens"] = output,
        ["total_tokens"] = input + output,
    };

    private static async Task ErrorAsync(HttpContext context, int status, string type, string message, string? code = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var error = new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["code"] = code } };
        await context.Response.WriteAsync(error.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => (string?)p?["text"] ?? "")),
        _ => "",
    };

    /// <summary>A valid answer: highlights and a name for each listed theme for a highlights request, else an analysis
    /// naming the commit.</summary>
    /// <summary>The default answer of a commit request with the model's level and its one-line reason set.</summary>
    public static string AnswerWithLevel(SimulatedRequest request, string level, string reason)
    {
        var answer = JsonNode.Parse(DefaultAnswer(request))!.AsObject();
        answer["importance"] = level;
        answer["importanceReason"] = reason;
        return answer.ToJsonString();
    }

    public static string DefaultAnswer(SimulatedRequest request)
    {
        if (request.IsHighlights)
        {
            // One name for each theme the prompt lists ("- Theme 1 [high, 4 commits] …").
            var themes = new JsonArray();
            var listed = request.Messages.Count > 1 ? request.Messages[1].Content.Split('\n').Count(l => l.StartsWith("- Theme ", StringComparison.Ordinal)) : 0;
            for (var id = 1; id <= listed; id++)
            {
                themes.Add(new JsonObject { ["id"] = id, ["title"] = $"Simulated theme {id}", ["summary"] = $"Simulated summary of theme {id}." });
            }
            return new JsonObject
            {
                ["highlights"] = new JsonArray("Simulated highlight one.", "Simulated highlight two.", "Simulated highlight three."),
                ["themes"] = themes,
            }.ToJsonString();
        }
        var sha = request.Sha is { Length: >= 7 } s ? s[..7] : "unknown";
        var answer = new JsonObject
        {
            ["changeTypes"] = new JsonArray("feature"),
            ["importance"] = "medium",
            ["summary"] = new JsonArray($"Simulated summary of {sha}.", "Second simulated point."),
            ["impact"] = new JsonArray($"Simulated impact of {sha}."),
            ["insights"] = new JsonObject
            {
                ["architecture"] = new JsonArray(new JsonObject { ["text"] = "Simulated architecture insight.", ["severity"] = "medium" }),
                ["performance"] = new JsonArray(),
                ["security"] = new JsonArray(),
            },
            ["risks"] = new JsonArray("Simulated risk."),
            ["recommendations"] = new JsonArray("Simulated recommendation."),
        };
        return answer.ToJsonString();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    [GeneratedRegex(@"Commit: ([0-9a-f]{40})")]
    private static partial Regex ShaLine();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
