namespace Gitbrief.Analysis.Llm;

/// <summary>A commit's diff packed into a token budget, and what was left out and why.</summary>
internal sealed record PackedDiff(string Text, int Tokens, IReadOnlyList<OmittedFile> Omitted);
