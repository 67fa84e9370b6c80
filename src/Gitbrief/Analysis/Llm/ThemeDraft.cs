namespace Gitbrief.Analysis.Llm;

/// <summary>A theme the rules found, as the highlights request shows it to the model: the rules' title, its level and
/// its commits' titles.</summary>
internal sealed record ThemeDraft(string Title, ImportanceLevel Level, IReadOnlyList<string> CommitTitles);
