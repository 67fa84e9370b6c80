using System.Text.RegularExpressions;
using Gitbrief.Analysis;

namespace Gitbrief.Tests.Analysis;

public sealed partial class LanguageTests
{
    /// <summary>A commit that makes the analyzer write as many kinds of sentence as it can.</summary>
    private static CommitBuilder Busy() => CommitBuilder.Message("feat!: drop v1 API and fix XSS in forms")
        .Added("src/api/v2.py", 400)
        .Deleted("src/api/v1.py", 300)
        .Renamed("src/old/util.py", "src/util.py")
        .File("db/migrations/0009_drop_v1.sql", 20)
        .File("proto/user.proto", 4)
        .File("config/app.yaml", 2, 2)
        .File("pyproject.toml", 1, 1)
        .File("poetry.lock", 100, 90)
        .File(".github/workflows/ci.yml", 3, 1)
        .File("docs/api.md", 40, 10);

    [GeneratedRegex(@"[\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uFF00-\uFFEF]")]
    private static partial Regex Cjk();

    [Fact]
    public void English_text_has_no_cjk_characters()
    {
        var analyzed = Busy().Analyze(ReportLanguage.En);
        var text = analyzed.AllText().ToList();

        Assert.True(text.Count > 15);
        Assert.All(text, line => Assert.False(Cjk().IsMatch(line), line));
    }

    [Fact]
    public void Chinese_and_english_phrases_differ()
    {
        var en = Busy().Analyze(ReportLanguage.En);
        var zh = Busy().Analyze(ReportLanguage.Zh);

        Assert.Equal(en.Importance.Level, zh.Importance.Level);
        Assert.Equal(en.Importance.Score, zh.Importance.Score);
        Assert.Equal(en.ReasonCodes(), zh.ReasonCodes());
        Assert.Equal(en.Analysis.ChangeTypes, zh.Analysis.ChangeTypes);
        Assert.Equal(en.Analysis.Components, zh.Analysis.Components);

        Assert.Equal(en.Analysis.Risks.Count, zh.Analysis.Risks.Count);
        Assert.All(zh.Analysis.Risks, r => Assert.Matches(Cjk(), r));
        Assert.All(zh.Analysis.Recommendations, r => Assert.Matches(Cjk(), r));
        Assert.All(zh.Analysis.Impact, r => Assert.Matches(Cjk(), r));
        Assert.Empty(en.Analysis.Risks.Intersect(zh.Analysis.Risks));
        Assert.Empty(en.Analysis.Impact.Intersect(zh.Analysis.Impact));
        Assert.NotEqual(en.Analysis.Summary[^1], zh.Analysis.Summary[^1]);
    }

    [Fact]
    public void Chinese_phrases_fill_in_the_data()
    {
        var zh = CommitBuilder.Message("fix(parser): handle empty input").File("src/parser.rs", 120, 2).Analyze(ReportLanguage.Zh);

        Assert.Equal(["handle empty input", "修改 1 个文件（源代码 1），+120/-2 行"], zh.Analysis.Summary);
        Assert.Equal("类型 fix", zh.Reason("type").Detail);
        Assert.Equal("有效变更 122 行", zh.Reason("size").Detail);
        Assert.Equal(["src/parser.rs 新增 120 行代码，本次提交未修改任何测试"], zh.Analysis.Risks);
        Assert.Equal(["为 src/parser.rs 的改动补充测试"], zh.Analysis.Recommendations);
    }

    [Fact]
    public void Every_phrase_set_is_complete_in_both_languages()
    {
        foreach (var language in new[] { ReportLanguage.En, ReportLanguage.Zh })
        {
            var phrases = RulesPhrases.For(language);
            foreach (var role in Enum.GetValues<FileRole>())
            {
                Assert.False(string.IsNullOrWhiteSpace(phrases.Role(role)));
            }
        }
        Assert.Same(RulesPhrases.English, RulesPhrases.For(ReportLanguage.En));
        Assert.Same(RulesPhrases.Chinese, RulesPhrases.For(ReportLanguage.Zh));
    }
}
