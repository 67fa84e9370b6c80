namespace Gitbrief.Analysis.Llm;

/// <summary>A request ready to send: the system and user messages, their token count (as counted here,
/// framing included) and the files the diff left out.</summary>
internal sealed record LlmPrompt(string System, string User, int InputTokens, IReadOnlyList<OmittedFile> Omitted);
