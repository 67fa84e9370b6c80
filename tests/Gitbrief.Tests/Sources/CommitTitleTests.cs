using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Sources;

/// <summary>A commit's title (the first line of its message that is not blank, trimmed), which the record takes once when
/// its message is set.</summary>
public sealed class CommitTitleTests
{
    [Theory]
    [InlineData("Fix the parser\n\nThe body.\n", "Fix the parser")]
    [InlineData("\n\n  \t\n  Fix the parser \r\n\nThe body.", "Fix the parser")]
    [InlineData("Fix the parser", "Fix the parser")]
    [InlineData("  修复解析器\u3000\n", "修复解析器")]
    [InlineData("", "")]
    [InlineData(" \n\t\r\n \n", "")]
    public void The_title_is_the_first_line_that_is_not_blank_trimmed(string message, string title)
    {
        var commit = RenderingSamples.Simple(1, message);

        Assert.Equal(title, commit.Title);
        Assert.Equal(title, CommitMessage.Title(message));
    }

    [Fact]
    public void A_copy_with_another_message_has_that_messages_title_and_equal_messages_make_equal_records()
    {
        var commit = RenderingSamples.Simple(1, "First title\n\nbody\n");

        var edited = commit with { Message = "\nSecond title (#12)\n" };

        Assert.Equal("First title", commit.Title);
        Assert.Equal("Second title (#12)", edited.Title);
        Assert.Equal(12, edited.PullRequest);
        Assert.Equal(commit, edited with { Message = "First title\n\nbody\n" });
    }

    [Theory]
    [InlineData("Backport pull request #16539 from jellyfin/release-10.11.z\n\nFix subtitle saving\n\nOriginal-merge: f51c63e\n", "Fix subtitle saving (#16539)")]
    [InlineData("Merge pull request #7384 from element-hq/renovate/gradle-actions-6.x\n\nUpdate gradle/actions action to v6.3.0", "Update gradle/actions action to v6.3.0 (#7384)")]
    [InlineData("Merge pull request #12 from a/b\n\nAdd the parser (#12)\n", "Add the parser (#12)")]
    [InlineData("Merge pull request #12 from a/b\n", "Merge pull request #12 from a/b")]
    [InlineData("Merge pull request #12 from a/b\n\nSigned-off-by: A <a@example.com>\n", "Merge pull request #12 from a/b")]
    [InlineData("Merge pull request #12 from a/b and more\n\nAdd the parser\n", "Merge pull request #12 from a/b and more")]
    public void A_pull_request_merged_or_backported_as_a_commit_is_titled_by_the_pull_requests_own_title(string message, string title)
    {
        var commit = RenderingSamples.Simple(1, message);

        Assert.Equal(title, commit.Title);
        Assert.Equal(title.EndsWith(')') ? int.Parse(title[(title.LastIndexOf('#') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture) : null, commit.PullRequest);
    }

    [Fact]
    public void The_body_of_a_wrapped_pull_request_starts_after_its_own_title()
    {
        var body = CommitMessage.BodyLines("Backport pull request #16539 from jellyfin/release-10.11.z\n\nFix subtitle saving\n\nOnly allowed formats are saved.\n");

        Assert.Equal(["", "Only allowed formats are saved.", ""], body);
    }
}
