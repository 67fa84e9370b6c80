namespace Gitbrief.Analysis.Llm;

/// <summary>What the model calls one of the rules' themes: a short title and, when it gave one, a one-sentence summary.</summary>
internal sealed record ThemeName(string Title, string? Summary);
