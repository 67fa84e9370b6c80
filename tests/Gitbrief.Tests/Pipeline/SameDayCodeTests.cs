using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Pipeline;

/// <summary>A commit that changes only code an earlier commit created the same day is low: a fix or a step of what landed
/// hours before changes nothing a user had. A fix of older code, a commit that reaches beyond today's files, a security fix
/// and the same fix on the next day keep their level.</summary>
public sealed class SameDayCodeTests : IDisposable
{
    private const string Day = "2026-03-11";
    private const string NextDay = "2026-03-12";

    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repo = TestRepository.Create("vectors");

    public void Dispose()
    {
        repo.Dispose();
        workspace.Dispose();
    }

    [Fact]
    public async Task A_fix_of_code_created_earlier_the_same_day_is_low_and_says_why()
    {
        repo.WriteLines("src/index/hnsw.go", 300, "hnsw =").WriteLines("src/index/flat.go", 300, "flat =")
            .Commit("Initial import", "2026-03-01T09:00:00+00:00");
        repo.WriteLines("src/index/prefill.go", 160, "prefill =").WriteLines("src/index/hnsw.go", 310, "hnsw =")
            .Commit("feat(hnsw): prefill the graph in parallel (#101)", $"{Day}T08:00:00+00:00");
        var followUp = repo.WriteLines("src/index/prefill.go", 164, "prefill =")
            .Commit("fix(hnsw): exclude muvera from parallel prefill eligibility (#102)", $"{Day}T11:00:00+00:00");
        var older = repo.WriteLines("src/index/flat.go", 304, "flat =")
            .Commit("fix(flat): return the nearest vectors first (#103)", $"{Day}T12:00:00+00:00");
        var wider = repo.WriteLines("src/index/prefill.go", 168, "prefill =").WriteLines("src/index/flat.go", 308, "flat =")
            .Commit("fix(hnsw): share the distance function with the flat index (#104)", $"{Day}T13:00:00+00:00");
        var security = repo.WriteLines("src/index/prefill.go", 172, "prefill =")
            .Commit("fix(hnsw): reject path traversal in prefill snapshot names (#105)", $"{Day}T14:00:00+00:00");
        var nextDay = repo.WriteLines("src/index/prefill.go", 176, "prefill =")
            .Commit("fix(hnsw): normalize vectors in parallel prefill for cosine-dot (#106)", $"{NextDay}T09:00:00+00:00");

        var report = await workspace.ReportJsonAsync(repo, "vectors", Day);

        Assert.Equal("low", ReportAssert.LevelOf(report, followUp));
        Assert.Contains(ReportAssert.ReasonsOf(report, followUp), r => r.Code == "same-day-code"
            && r.Detail == "changes only code an earlier commit created today (src/index/prefill.go)");
        Assert.Equal("medium", ReportAssert.LevelOf(report, older));
        Assert.Equal("medium", ReportAssert.LevelOf(report, wider));
        Assert.Equal("high", ReportAssert.LevelOf(report, security));
        Assert.DoesNotContain(ReportAssert.ReasonsOf(report, security), r => r.Code == "same-day-code");

        var next = await workspace.ReportJsonAsync(repo, "vectors", NextDay);
        Assert.Equal("medium", ReportAssert.LevelOf(next, nextDay));
    }
}
