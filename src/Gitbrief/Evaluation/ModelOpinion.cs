using Gitbrief.Analysis;

namespace Gitbrief.Evaluation;

/// <summary>What the configured model made of one labelled commit: its own level and one-line reason (null when it
/// gave none or its answer failed: <see cref="Failure"/>), and the level each importance mode shows the reader —
/// <c>llm</c> the model's level, <c>hybrid</c> the model's level between the rules' hard bounds; a commit whose
/// answer failed keeps the rules' level in both, as a report would.</summary>
internal sealed record ModelOpinion(ImportanceLevel? Level, string? Reason, ImportanceLevel Llm, ImportanceLevel Hybrid, bool Cached, string? Failure);
