using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Pipeline;

/// <summary>A branch pushed commit by commit: its small steps are low, while the same change merged as a pull request,
/// a fix or a small feature among the steps and a step of real size keep their level.</summary>
public sealed class BranchStepTests : IDisposable
{
    private const string Day = "2026-03-11";
    private const string Pusher = "Grace Hopper <grace@example.com>";
    private const string Contributor = "Alan Turing <alan@example.com>";

    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repo = TestRepository.Create("keys");

    public void Dispose()
    {
        repo.Dispose();
        workspace.Dispose();
    }

    private string Step(string title, string file, int lines, int hour, string author) =>
        repo.WriteLines(file, lines, title.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " =")
            .Commit(title, $"{Day}T{hour:00}:00:00+00:00", author: author);

    [Fact]
    public async Task The_small_steps_of_a_branch_pushed_commit_by_commit_are_low_and_say_why()
    {
        repo.WriteLines("pkg/config/keys.go", 200, "key =").WriteLines("pkg/gui/view.go", 200, "view =")
            .Commit("Initial import", "2026-03-01T09:00:00+00:00");
        var steps = new[]
        {
            Step("Move LabelFromKey beside the key table", "pkg/config/from.go", 18, 8, Pusher),
            Step("Use field getters in the key table", "pkg/config/label.go", 20, 9, Pusher),
        };
        var feature = Step("Add forwardDeleteWord keybinding", "pkg/gui/delete.go", 24, 10, Pusher);
        var fix = Step("Fix backspace-word when the line is empty", "pkg/gui/backspace.go", 14, 11, Pusher);
        var large = Step("Make edit keybindings configurable", "pkg/gui/edit.go", 180, 12, Pusher);
        var merged = Step("Add a keybinding for word deletion (#4512)", "pkg/gui/word.go", 22, 13, Contributor);

        var report = await workspace.ReportJsonAsync(repo, "keys", Day);

        Assert.All(steps, sha => Assert.Equal("low", ReportAssert.LevelOf(report, sha)));
        Assert.Contains(ReportAssert.ReasonsOf(report, steps[0]), r => r.Code == "branch-step"
            && r.Detail == "a small step of a branch pushed commit by commit (5 commits without a pull request by its author today)");
        Assert.Equal("medium", ReportAssert.LevelOf(report, feature));
        Assert.Equal("medium", ReportAssert.LevelOf(report, fix));
        Assert.Equal("medium", ReportAssert.LevelOf(report, large));
        Assert.Equal("medium", ReportAssert.LevelOf(report, merged));
    }
}
