namespace Gitbrief.Analysis.Llm;

/// <summary>Who decides a commit's level when the LLM analyses it (<c>llm.importance</c>). The reader's watch
/// rules apply after it in every mode.</summary>
internal enum ImportanceMode
{
    /// <summary>The rules' level; the model's view is recorded beside it (<c>analysis.llmImportance</c>).</summary>
    Rules,

    /// <summary>The model's level.</summary>
    Llm,

    /// <summary>The model's level, kept between the rules' hard floors (security, breaking, hardening: high) and
    /// ceilings (lockfile/generated/vendored/binary only: low; docs/test/CI only: at most medium).</summary>
    Hybrid,
}
