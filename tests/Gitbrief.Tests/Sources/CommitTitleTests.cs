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
}
