using Gitbrief.Analysis;
using Gitbrief.Analysis.Llm;

namespace Gitbrief.Tests.Llm.Units;

public sealed class AnswerParserTests
{
    private const string Valid = """
        {
          "changeTypes": ["feature", "fix"],
          "importance": "high",
          "summary": ["Adds a cache.", "Fixes a race."],
          "impact": ["The loader."],
          "insights": {
            "architecture": [{ "text": "New layer.", "severity": "medium" }],
            "performance": [],
            "security": [{ "text": "Keys are hashed.", "severity": "low" }]
          },
          "risks": ["Stale entries."],
          "recommendations": ["Add an eviction test."]
        }
        """;

    private static LlmAnswer Parse(string reply)
    {
        Assert.True(AnswerParser.TryParse(reply, out var answer, out var error), error);
        Assert.Equal("", error);
        return Assert.IsType<LlmAnswer>(answer);
    }

    private static string Fail(string reply)
    {
        Assert.False(AnswerParser.TryParse(reply, out var answer, out var error));
        Assert.Null(answer);
        Assert.False(string.IsNullOrWhiteSpace(error));
        return error;
    }

    [Fact]
    public void ValidJsonIsReadCompletely()
    {
        var answer = Parse(Valid);

        Assert.Equal([ChangeType.Feature, ChangeType.Fix], answer.ChangeTypes);
        Assert.Equal(ImportanceLevel.High, answer.Importance);
        Assert.Equal(["Adds a cache.", "Fixes a race."], answer.Summary);
        Assert.Equal(["The loader."], answer.Impact);
        Assert.Equal([new Insight("New layer.", "medium")], answer.Architecture);
        Assert.Empty(answer.Performance);
        Assert.Equal([new Insight("Keys are hashed.", "low")], answer.Security);
        Assert.Equal(["Stale entries."], answer.Risks);
        Assert.Equal(["Add an eviction test."], answer.Recommendations);
    }

    [Fact]
    public void JsonInsideCodeFenceAndProseIsFound()
    {
        var reply = "Sure! Here is the analysis:\n\n```json\n" + Valid + "\n```\n\nLet me know if you need more.";

        Assert.Equal(["Adds a cache.", "Fixes a race."], Parse(reply).Summary);
    }

    [Theory]
    [InlineData("I'll use {braces} in prose first. ")]
    [InlineData("An unmatched brace { in prose. ")]
    [InlineData("Two { unmatched { braces. ")]
    [InlineData("A closing } then an opening { brace. ")]
    public void StrayBraceInProseBeforeTheObjectIsSkipped(string prose)
    {
        var answer = Parse(prose + """{"summary": ["Real answer."]}""" + " Done.");

        Assert.Equal(["Real answer."], answer.Summary);
    }

    [Fact]
    public void NestedBracesAndEscapedQuotesInsideStringsDoNotEndTheObject()
    {
        var reply = """
            Result: {"summary": ["Adds \"{}\" handling } and { braces", "path \\\"}"],
                     "insights": {"architecture": [{"text": "Nested {\"a\": {\"b\": 1}} data", "severity": "high"}]}} trailing }
            """;

        var answer = Parse(reply);

        Assert.Equal(["Adds \"{}\" handling } and { braces", "path \\\"}"], answer.Summary);
        Assert.Equal([new Insight("Nested {\"a\": {\"b\": 1}} data", "high")], answer.Architecture);
    }

    [Fact]
    public void ExtractJsonObjectReturnsTheFirstCompleteObjectOnly()
    {
        var json = AnswerParser.ExtractJsonObject("""x {"a": "}"} y {"b": 2}""");

        Assert.Equal("""{"a": "}"}""", json);
    }

    [Theory]
    [InlineData("""{"summary": ["Adds a cache", "Fix""")]
    [InlineData("""```json\n{"summary": ["Adds a cache."], "impact": [""")]
    [InlineData("""{"summary": ["a"]""")]
    public void TruncatedJsonFailsWithAnError(string reply)
    {
        Assert.Contains("incomplete", Fail(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("I cannot analyse this commit.")]
    [InlineData("[\"summary\", \"only an array\"]")]
    public void NoJsonObjectFails(string reply)
    {
        Assert.Contains("no JSON object", Fail(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"changeTypes": ["fix"]}""")]
    [InlineData("""{"summary": []}""")]
    [InlineData("""{"summary": ""}""")]
    [InlineData("""{"summary": ["   ", "\n\t"]}""")]
    [InlineData("""{"summary": null}""")]
    [InlineData("""{"summary": [null, {}, []]}""")]
    public void MissingOrEmptySummaryFails(string reply)
    {
        Assert.Contains("summary", Fail(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void SingleStringIsAOneItemListAndKeysAreCaseInsensitive()
    {
        var answer = Parse("""{"Summary": "Only one point.", "RISKS": "One risk.", "Importance": " Medium "}""");

        Assert.Equal(["Only one point."], answer.Summary);
        Assert.Equal(["One risk."], answer.Risks);
        Assert.Equal(ImportanceLevel.Medium, answer.Importance);
    }

    [Fact]
    public void StringsForInsightsBecomeInsightsWithoutSeverity()
    {
        var answer = Parse("""
            {"summary": ["s"], "insights": {"architecture": ["New module.", "Split service."], "performance": "Faster startup.",
             "security": [{"text": "Checked input.", "severity": "critical"}, {"severity": "high"}, 42]}}
            """);

        Assert.Equal([new Insight("New module."), new Insight("Split service.")], answer.Architecture);
        Assert.Equal([new Insight("Faster startup.")], answer.Performance);
        Assert.Equal([new Insight("Checked input."), new Insight("42")], answer.Security);
    }

    [Fact]
    public void TechnicalInsightsIsAnAliasOfInsights()
    {
        var answer = Parse("""{"summary": ["s"], "technicalInsights": {"performance": [{"text": "Less I/O.", "severity": "HIGH"}]}}""");

        Assert.Equal([new Insight("Less I/O.", "high")], answer.Performance);
    }

    [Fact]
    public void UnknownChangeTypesAreDroppedAndSynonymsMapped()
    {
        var answer = Parse("""
            {"summary": ["s"], "changeTypes": ["feat", "bugfix", "perf", "improvement", "Breaking-Change", "DOCS", "bug", "banana"]}
            """);

        Assert.Equal([ChangeType.Feature, ChangeType.Fix, ChangeType.Performance, ChangeType.Breaking, ChangeType.Docs], answer.ChangeTypes);
    }

    [Theory]
    [InlineData("high", ImportanceLevel.High)]
    [InlineData("Low", ImportanceLevel.Low)]
    [InlineData("中", ImportanceLevel.Medium)]
    [InlineData("urgent", null)]
    public void ImportanceIsMappedOrDropped(string text, object? expected)
    {
        var answer = Parse($$"""{"summary": ["s"], "importance": "{{text}}"}""");

        Assert.Equal((ImportanceLevel?)expected, answer.Importance);
    }

    [Fact]
    public void ImportanceThatIsNotAStringIsIgnored()
    {
        Assert.Null(Parse("""{"summary": ["s"], "importance": 3}""").Importance);
    }

    [Fact]
    public void TheImportanceRationaleIsCleanedAndKeptShort()
    {
        var longReason = string.Concat(Enumerable.Repeat("It changes the default scheduler for every user. ", 10));

        Assert.Equal("Closes a bypass of the path check.", Parse("""{"summary": ["s"], "importanceReason": " Closes a bypass\nof the path check. "}""").ImportanceReason);
        Assert.Equal("snake case works", Parse("""{"summary": ["s"], "importance_reason": "snake case works"}""").ImportanceReason);
        Assert.Null(Parse("""{"summary": ["s"], "importanceReason": "  "}""").ImportanceReason);
        Assert.Null(Parse("""{"summary": ["s"]}""").ImportanceReason);
        var bounded = Parse($$"""{"summary": ["s"], "importanceReason": "{{longReason}}"}""").ImportanceReason!;
        Assert.True(bounded.Length <= 200, bounded);
        Assert.EndsWith("every user.", bounded, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlCharactersAndNewlinesAreCollapsed()
    {
        var answer = Parse("{\"summary\": [\"  First\\nline\\r\\n\\tsecond\\u0000part\\u0007 \\u001b[31mred  \", \"\\u0000\\n\"]}");

        var point = Assert.Single(answer.Summary);
        Assert.Equal("First line second part [31mred", point);
        Assert.DoesNotContain(point, char.IsControl);
    }

    [Fact]
    public void PlaceholdersForEmptyFieldsAreDropped()
    {
        var answer = Parse("""
            {"summary": ["Adds retries."], "risks": ["None", "N/A."], "recommendations": ["（数据中未发现）", "无"],
             "insights": {"performance": ["none found in the data"], "security": [{"text": "-", "severity": "low"}]}}
            """);

        Assert.Equal(["Adds retries."], answer.Summary);
        Assert.Empty(answer.Risks);
        Assert.Empty(answer.Recommendations);
        Assert.Empty(answer.Performance);
        Assert.Empty(answer.Security);
    }

    [Fact]
    public void DuplicatePointsAreRemoved()
    {
        var answer = Parse("""{"summary": ["Same.", "Same.", " Same. ", "Other."]}""");

        Assert.Equal(["Same.", "Other."], answer.Summary);
    }

    [Fact]
    public void LongStringIsCutAtASentenceEnd()
    {
        var sentence = "This sentence is exactly fifty characters long ok. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 30));

        var point = Assert.Single(Parse(Json(text)).Summary);

        Assert.InRange(point.Length, 301, 600);
        Assert.EndsWith("ok.", point, StringComparison.Ordinal);
        Assert.StartsWith(point, text, StringComparison.Ordinal);
    }

    [Fact]
    public void LongStringWithoutSentencesIsCutAtAWordEnd()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 400));

        var point = Assert.Single(Parse(Json(text)).Summary);

        Assert.True(point.Length <= 600, $"length {point.Length}");
        Assert.True(point.Length > 300, $"length {point.Length}");
        Assert.EndsWith("word…", point, StringComparison.Ordinal);
        Assert.StartsWith(point[..^1], text, StringComparison.Ordinal);
    }

    [Fact]
    public void LongStringWithoutSpacesIsCutWithoutSplittingASurrogatePair()
    {
        var text = "x" + string.Concat(Enumerable.Repeat("😀", 500));

        var point = Assert.Single(Parse(Json(text)).Summary);

        Assert.True(point.Length <= 600, $"length {point.Length}");
        Assert.EndsWith("😀…", point, StringComparison.Ordinal);
        Assert.StartsWith(point[..^1], text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryStringOfAHugeAnswerIsBounded()
    {
        var huge = string.Concat(Enumerable.Repeat("long words without any stop ", 1000));
        var reply = $$"""
            {"summary": ["{{huge}}"], "impact": ["{{huge}}"], "risks": ["{{huge}}"], "recommendations": ["{{huge}}"],
             "insights": {"security": [{"text": "{{huge}}", "severity": "high"}]} }
            """;

        var answer = Parse(reply);

        var all = answer.Summary.Concat(answer.Impact).Concat(answer.Risks).Concat(answer.Recommendations)
            .Concat(answer.Security.Select(i => i.Text)).ToList();
        Assert.Equal(5, all.Count);
        Assert.All(all, s => Assert.InRange(s.Length, 1, 600));
    }

    [Fact]
    public void ListsAreCapped()
    {
        var many = string.Join(", ", Enumerable.Range(1, 20).Select(i => $"\"Point {i}.\""));
        var insights = string.Join(", ", Enumerable.Range(1, 10).Select(i => $$"""{"text": "Insight {{i}}.", "severity": "low"}"""));
        var types = """["feature", "fix", "performance", "refactor", "docs", "test", "ci", "build", "dependencies", "config", "style", "chore"]""";
        var reply = $$"""
            {"summary": [{{many}}], "impact": [{{many}}], "risks": [{{many}}], "recommendations": [{{many}}], "changeTypes": {{types}},
             "insights": {"architecture": [{{insights}}], "performance": [{{insights}}], "security": [{{insights}}]} }
            """;

        var answer = Parse(reply);

        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"Point {i}."), answer.Summary);
        Assert.Equal(5, answer.Impact.Count);
        Assert.Equal(5, answer.Risks.Count);
        Assert.Equal(5, answer.Recommendations.Count);
        Assert.Equal(3, answer.Architecture.Count);
        Assert.Equal(3, answer.Performance.Count);
        Assert.Equal(3, answer.Security.Count);
        Assert.Equal(8, answer.ChangeTypes.Count);
    }

    [Fact]
    public void UnknownKeysAndWrongShapesAreIgnored()
    {
        var answer = Parse("""
            {"summary": ["s"], "impact": {"not": "a list"}, "insights": "not an object", "risks": [1, true, "r"], "extra": [1, 2, 3]}
            """);

        Assert.Empty(answer.Impact);
        Assert.Empty(answer.Architecture);
        Assert.Equal(["1", "true", "r"], answer.Risks);
    }

    [Fact]
    public void HighlightsAreReadAndCapped()
    {
        var reply = "```json\n{\"highlights\": [\"One.\", \"Two\\nlines.\", \"\", \"Three.\", \"Four.\", \"Five.\", \"Six.\"]}\n```";

        Assert.True(AnswerParser.TryParseHighlights(reply, out var highlights, out var error), error);

        Assert.Equal(["One.", "Two lines.", "Three.", "Four.", "Five."], highlights);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("no json here", "no JSON object")]
    [InlineData("""{"highlights": ["cut""", "no JSON object")]
    [InlineData("""{"summary": ["not highlights"]}""", "highlights")]
    [InlineData("""{"highlights": []}""", "highlights")]
    public void HighlightsFailWithAnError(string reply, string expected)
    {
        Assert.False(AnswerParser.TryParseHighlights(reply, out var highlights, out var error));

        Assert.Empty(highlights);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ThemeNamesAreReadByIdAndBadItemsSkipped()
    {
        var longTitle = new string('x', 200);
        var reply = $$"""
            {"highlights": ["h"], "themes": [
              {"id": 2, "title": "Metadata-free\nlockfiles (preview)", "summary": "Four commits write and read the new lockfile."},
              {"id": 1, "title": "{{longTitle}}"},
              {"id": 2, "title": "a repeat of id 2"},
              {"id": 3, "title": "no such theme"},
              {"id": 0, "title": "nor this"},
              {"id": "1", "title": "an id that is not a number"},
              {"id": 4, "title": "   "},
              "not an object"
            ]}
            """;

        var names = AnswerParser.ThemeNames(reply, themes: 2);

        Assert.Equal([1, 2], names.Keys.Order());
        Assert.Equal(new ThemeName("Metadata-free lockfiles (preview)", "Four commits write and read the new lockfile."), names[2]);
        Assert.Equal(AnswerParser.MaxThemeTitleLength, names[1].Title.Length);
        Assert.EndsWith("…", names[1].Title, StringComparison.Ordinal);
        Assert.Null(names[1].Summary);
    }

    [Theory]
    [InlineData("""{"highlights": ["h"]}""")]
    [InlineData("""{"highlights": ["h"], "themes": {"id": 1, "title": "not a list"}}""")]
    [InlineData("no json")]
    public void MissingOrMisshapenThemesNameNothing(string reply)
    {
        Assert.Empty(AnswerParser.ThemeNames(reply, themes: 3));
    }

    private static string Json(string summary) => $$"""{"summary": ["{{summary}}"]}""";
}
