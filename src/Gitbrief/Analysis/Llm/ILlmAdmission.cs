namespace Gitbrief.Analysis.Llm;

/// <summary>A limit on LLM requests that holds beyond this process: many gitbrief workers sharing one API key admit
/// each request here (the server's PostgreSQL admission keeps <c>llm.rpm</c>, <c>llm.tpm</c> and
/// <c>llm.max_concurrency</c> for the whole fleet). Asked after the process's own throttle, once per request sent;
/// the returned ticket is disposed when the request is over.</summary>
public interface ILlmAdmission
{
    Task<IAsyncDisposable> AdmitAsync(int estimatedTokens, CancellationToken cancellationToken);
}
