using Gitbrief.Analysis;

namespace Gitbrief.Tests.Analysis;

/// <summary>Commit text and paths are untrusted: the analyzer must not throw and must not pass control
/// characters or unbounded text through.</summary>
public sealed class HostileInputTests
{
    private static AnalyzedCommit Survives(CommitBuilder builder, ReportLanguage language = ReportLanguage.En)
    {
        var analyzed = builder.Analyze(language);
        Assert.NotNull(analyzed.Analysis.Summary);
        Assert.All(analyzed.Analysis.Summary, point => Assert.DoesNotContain(point, char.IsControl));
        return analyzed;
    }

    [Fact]
    public void A_ten_thousand_character_title_is_clipped()
    {
        var analyzed = Survives(CommitBuilder.Message("fix: " + new string('a', 10_000)).File("src/a.cs"));

        Assert.Equal(200, analyzed.Analysis.Summary[0].Length);
        Assert.EndsWith("…", analyzed.Analysis.Summary[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("[")]
    [InlineData("(")]
    [InlineData("[t]")]
    [InlineData("a: ")]
    [InlineData(" ")]
    [InlineData("injection ")]
    [InlineData("dependency ")]
    public void Long_repeated_patterns_do_not_hang_or_throw(string unit)
    {
        var title = string.Concat(Enumerable.Repeat(unit, 10_000 / unit.Length + 1));

        Survives(CommitBuilder.Message(title + "\n\n" + title).File("src/a.cs"));
    }

    [Fact]
    public void Nul_and_control_characters_are_removed_from_the_summary()
    {
        var title = Survives(CommitBuilder.Message("fix: a\0b\u0007c\u001b[31mred\u0008").File("src/a.cs", 1, 0));
        Assert.Equal("a b c [31mred", title.Analysis.Summary[0]);

        var body = Survives(CommitBuilder.Message("fix: x\r\n\r\n- one\0two\r\n- \u0001\u0002three\r\n").File("src/a.cs", 1, 0));
        Assert.Equal(["one two", "three", "1 file changed (1 source), +1/-0 lines"], body.Analysis.Summary);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \n\t\n \r\n ")]
    [InlineData("\0\0\0")]
    public void An_empty_or_blank_message_with_no_files_is_low_with_no_text_invented(string message)
    {
        foreach (var language in new[] { ReportLanguage.En, ReportLanguage.Zh })
        {
            var analyzed = Survives(CommitBuilder.Message(message), language);

            Assert.Equal(ImportanceLevel.Low, analyzed.Importance.Level);
            Assert.Empty(analyzed.Analysis.Components);
            Assert.Empty(analyzed.Analysis.Impact);
            Assert.All(analyzed.Analysis.Summary, p => Assert.False(string.IsNullOrWhiteSpace(p)));
        }
    }

    [Fact]
    public void A_blank_message_with_files_still_summarises_the_files()
    {
        var analyzed = Survives(CommitBuilder.Message("  \n  ").File("src/a.cs", 3, 1));

        Assert.Equal(["1 file changed (1 source), +3/-1 lines"], analyzed.Analysis.Summary);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("//")]
    [InlineData("a//b///c.cs")]
    [InlineData("\0weird\u0007.cs")]
    [InlineData("..\\..\\etc\\passwd")]
    [InlineData("ünïcødé/文件/файл.py")]
    public void Odd_paths_do_not_throw(string path)
    {
        Survives(CommitBuilder.Message("chore: odd").File(path, 1, 1));
    }

    [Fact]
    public void Very_long_paths_and_many_files_do_not_throw()
    {
        var deep = string.Join('/', Enumerable.Repeat("d", 2_000)) + "/f.cs";
        var analyzed = Survives(CommitBuilder.Message("chore: big").File(deep).Files(5_000, i => $"m{i}/f{i}.py", 1, 1));

        Assert.InRange(analyzed.Analysis.Components.Count, 1, 6);
    }

    [Fact]
    public void Huge_line_counts_do_not_overflow()
    {
        var analyzed = Survives(CommitBuilder.Message("chore: generated data")
            .File("src/a.sql", int.MaxValue, int.MaxValue)
            .File("src/b.sql", int.MaxValue, int.MaxValue));

        Assert.Equal(3, analyzed.Reason("size").Points);
        Assert.Equal(new ImpactedComponent("src", 2, int.MaxValue, int.MaxValue), Assert.Single(analyzed.Analysis.Components));
        Assert.Equal($"2 files changed (2 source), +{int.MaxValue}/-{int.MaxValue} lines", analyzed.Analysis.Summary[^1]);
    }
}
