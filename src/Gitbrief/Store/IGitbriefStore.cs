using Gitbrief.Analysis.Llm;

namespace Gitbrief.Store;

/// <summary>The store: runs, repository-day units, the LLM answer cache, the publish ledger, the rendered reports and
/// the claims on shared work — on SQLite (<see cref="SqliteStore"/>, one machine, the default) or PostgreSQL
/// (<see cref="PostgresStore"/>, many machines). <see cref="StoreFactory"/> opens the configured one. Every operation
/// is safe to call from several tasks and several processes at once.</summary>
internal interface IGitbriefStore : IRunHistory, IWorkUnitStore, IPublicationStore, IReportStore, IClaimStore, IAnalysisCache, IAsyncDisposable
{
    /// <summary>What the store is, for messages: the SQLite file, or <c>postgresql://user@host:port/db</c> (never a password).</summary>
    string Description { get; }
}
