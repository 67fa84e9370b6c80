using Microsoft.ML.Tokenizers;

namespace Gitbrief.Analysis.Llm;

/// <summary>Counts tokens with the o200k_base encoding (Microsoft.ML.Tokenizers). Other model families
/// tokenise differently, so budgets keep a safety margin (<see cref="SafetyFactor"/>).</summary>
internal sealed class TokenCounter
{
    /// <summary>The share of a budget actually filled, leaving room for tokenizer differences and the
    /// per-message framing of the chat format.</summary>
    public const double SafetyFactor = 0.9;

    /// <summary>Tokens of chat framing per message (role markers and separators).</summary>
    public const int PerMessageOverhead = 8;

    private static readonly Lazy<TokenCounter> Shared = new(() => new TokenCounter(TiktokenTokenizer.CreateForEncoding("o200k_base")));
    private readonly Tokenizer tokenizer;

    private TokenCounter(Tokenizer tokenizer) => this.tokenizer = tokenizer;

    public static TokenCounter Default => Shared.Value;

    public int Count(string text) => text.Length == 0 ? 0 : tokenizer.CountTokens(text);

    /// <summary>The longest prefix of <paramref name="text"/> within <paramref name="maxTokens"/> tokens.</summary>
    public string Truncate(string text, int maxTokens)
    {
        if (maxTokens <= 0)
        {
            return "";
        }
        var index = tokenizer.GetIndexByTokenCount(text, maxTokens, out _, out _);
        return text[..index];
    }
}
