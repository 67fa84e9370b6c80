using Gitbrief.Analysis;
using Gitbrief.Common;
using Gitbrief.Configuration;

namespace Gitbrief.Tests.Configuration;

/// <summary>The <c>watch:</c> lists of gitbrief.yaml: what they read into, and every mistake as one line with file:line.</summary>
public sealed class WatchConfigTests
{
    [Fact]
    public void Global_and_repository_rules_are_read_in_order_with_where_they_were_written()
    {
        var config = ConfigLoader.Parse(
            """
            watch:
              - paths: [vllm/attention/**, csrc/attention/]
                raise: high
              - keywords: [renovate, "update dependency"]
                mute: true
            repositories:
              - repo: vllm-project/vllm
                watch:
                  - paths: benchmarks/**
                    lower: LOW
              - repo: sgl-project/sglang
            llm:
              importance: hybrid
            """, "gitbrief.yaml");

        Assert.Equal(2, config.Watch.Count);
        Assert.Equal(["vllm/attention/**", "csrc/attention/"], config.Watch[0].Paths);
        Assert.Equal((WatchEffect.Raise, ImportanceLevel.High, "gitbrief.yaml:2"), (config.Watch[0].Effect, config.Watch[0].Level, config.Watch[0].Origin));
        Assert.Equal(["renovate", "update dependency"], config.Watch[1].Keywords);
        Assert.Equal(WatchEffect.Mute, config.Watch[1].Effect);
        var own = Assert.Single(config.Repositories[0].Watch);
        Assert.Equal((WatchEffect.Lower, ImportanceLevel.Low), (own.Effect, own.Level));
        Assert.Equal(["benchmarks/**"], own.Paths);
        Assert.Empty(config.Repositories[1].Watch);
        Assert.Equal("hybrid", config.Llm.ImportanceSource);
    }

    [Theory]
    [InlineData("watch:\n  - paths: [src/]\n    rasie: high\n", 3, "unknown key 'rasie' in 'watch[]' (expected one of: keywords, lower, mute, paths, raise)")]
    [InlineData("watch:\n  - paths:\n      - ok/**\n      - \"src/[abc\"\n    raise: high\n", 4, "'watch[].paths': 'src/[abc' is not a valid path pattern: '[' without a closing ']'")]
    [InlineData("watch:\n  - paths: [src/a**]\n    mute: true\n", 2, "is not a valid path pattern: '**' must be a whole path segment")]
    [InlineData("watch:\n  - paths: [src/]\n    raise: high\n    lower: low\n", 4, "a 'watch' rule has one effect; split raise / lower / mute into separate rules")]
    [InlineData("watch:\n  - raise: high\n", 2, "a 'watch' rule needs 'paths:' or 'keywords:'")]
    [InlineData("watch:\n  - keywords: [x]\n", 2, "a 'watch' rule needs one effect: 'raise: high|medium', 'lower: low|medium' or 'mute: true'")]
    [InlineData("watch:\n  - keywords: [x]\n    raise: low\n", 3, "'watch[].raise' must be one of high, medium, not 'low'")]
    [InlineData("watch:\n  - keywords: [x]\n    lower: high\n", 3, "'watch[].lower' must be one of low, medium, not 'high'")]
    [InlineData("watch:\n  - keywords: [x]\n    mute: false\n", 3, "'watch[].mute' can only be true")]
    [InlineData("watch:\n  - keywords: [\"  \"]\n    mute: true\n", 2, "'watch[].keywords': '  ' is empty")]
    [InlineData("watch:\n  - keywords: []\n    mute: true\n", 2, "'watch[].keywords' must list at least one entry")]
    [InlineData("watch:\n  keywords: [x]\n", 2, "'watch' must be a list")]
    [InlineData("repositories:\n  - repo: a/b\n    watch:\n      - paths: [\"{a,b\"]\n        raise: medium\n", 4, "'repositories[].watch[].paths': '{a,b' is not a valid path pattern")]
    [InlineData("llm:\n  importance: model\n", 2, "'llm.importance' must be one of rules, llm, hybrid, not 'model'")]
    public void Mistakes_are_one_line_errors_with_file_and_line(string yaml, int line, string message)
    {
        var error = Assert.Throws<UsageException>(() => ConfigLoader.Parse(yaml, "gitbrief.yaml"));

        Assert.StartsWith($"gitbrief.yaml:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
