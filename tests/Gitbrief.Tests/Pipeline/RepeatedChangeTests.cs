using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Pipeline;

/// <summary>One change made area by area in a day ("serve ftp: add serve rc interface", "serve sftp: …", "serve http: …"):
/// each step is low and says why, while a subject given to two areas only, or a security fix among the steps, keeps its
/// level.</summary>
public sealed class RepeatedChangeTests : IDisposable
{
    private const string Day = "2026-03-12";

    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repo = TestRepository.Create("serve");

    public void Dispose()
    {
        repo.Dispose();
        workspace.Dispose();
    }

    private string Change(string title, string file, int hour) =>
        repo.WriteLines(file, 40, title.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " =")
            .Commit(title, $"{Day}T{hour:00}:00:00+00:00");

    [Fact]
    public async Task The_same_change_made_in_three_areas_is_low_and_says_why()
    {
        repo.WriteLines("cmd/serve/serve.go", 200, "serve =").Commit("Initial import", "2026-03-01T09:00:00+00:00");
        var steps = new[]
        {
            Change("serve ftp: add serve rc interface (#8801)", "cmd/serve/ftp/rc.go", 8),
            Change("serve sftp: add serve rc interface (#8802)", "cmd/serve/sftp/rc.go", 9),
            Change("serve webdav: add serve rc interface - fixes #4505", "cmd/serve/webdav/rc.go", 10),
        };
        var twice = new[]
        {
            Change("vfs: add a cache mode for rc calls", "vfs/cache.go", 11),
            Change("mount: add a cache mode for rc calls", "cmd/mount/cache.go", 12),
        };

        var report = await workspace.ReportJsonAsync(repo, "serve", Day);

        Assert.All(steps, sha => Assert.Equal("low", ReportAssert.LevelOf(report, sha)));
        Assert.Contains(ReportAssert.ReasonsOf(report, steps[2]), r => r.Code == "repeated"
            && r.Detail == "the same change made area by area (3 areas today)");
        Assert.All(twice, sha => Assert.Equal("medium", ReportAssert.LevelOf(report, sha)));
    }
}
