namespace Gitbrief.Analysis.Llm;

/// <summary>A file whose diff is not (or not wholly) in the prompt.</summary>
internal sealed record OmittedFile(string Path, string Reason);
