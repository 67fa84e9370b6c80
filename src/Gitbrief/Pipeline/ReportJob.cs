namespace Gitbrief.Pipeline;

public sealed class ReportJob(ReportRequest request, IRunObserver? observer = null)
{
    public ReportRequest Request { get; } = request;
    public IRunObserver? Observer { get; } = observer;

    public Task<RunSummary> RunAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
}
