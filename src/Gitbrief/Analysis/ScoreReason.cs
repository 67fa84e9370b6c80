namespace Gitbrief.Analysis;

/// <summary>One contribution to a commit's importance score: a stable code, the points it added
/// (may be zero or negative), and a short description of the evidence in the report's language
/// (e.g. "类型 feat" / "type feat"), which renderers show beside the points.</summary>
internal sealed record ScoreReason(string Code, int Points, string Detail);
