using Gitbrief.Common;
using Gitbrief.Configuration;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Configuration;

public sealed class ConfigLoaderTests : IDisposable
{
    /// <summary>The current tool's config.yaml (shared/spec/seed-system.md), with non-default values so
    /// that applying them is observable.</summary>
    public const string CurrentToolConfig =
        """
        importance:
          commit_types: {feat: 9, fix: 6, perf: 5, refactor: 4, test: 2, docs: 1, ci: 1, chore: 0, style: 0, build: 0}
          change_sizes: {large: 400, medium: 80, small: 20}
          file_types: {core: 3, config: 2, test: 0, doc: 1}
          scopes: {wide: 8, medium: 4}
          thresholds: {high: 12, medium: 7}
        rate_limit:
          delays: {fast: 5, normal: 10, slow: 15}
          backoff: {initial: 10, max: 30, multiplier: 1}
          retry: {max_attempts: 3}
        format:
          enable_toc: false
          enable_grouping: false
          enable_stats: true
          diff: {truncate_threshold: 50000, truncate_to: 50000}
        llm:
          force_level: null
          timeout: 30
          max_tokens: 2048
        """;

    private readonly TempDirectory directory = new("gitbrief-config");

    public void Dispose() => directory.Dispose();

    private static UsageException Fails(string yaml, string file = "gitbrief.yaml") =>
        Assert.Throws<UsageException>(() => ConfigLoader.Parse(yaml, file));

    [Fact]
    public void The_current_tools_config_yaml_is_accepted_and_its_weights_applied()
    {
        var config = ConfigLoader.Parse(CurrentToolConfig, "config.yaml");
        var weights = config.Importance;

        Assert.Equal(9, weights.TypeWeight("feat"));
        Assert.Equal(6, weights.TypeWeight("fix"));
        Assert.Equal(0, weights.TypeWeight("chore"));
        Assert.Equal(3, weights.TypeWeight("other"));
        Assert.Equal((400, 80, 20), (weights.LargeChange, weights.MediumChange, weights.SmallChange));
        Assert.Equal((3, 2, 0, 1), (weights.CoreFiles, weights.ConfigFiles, weights.TestFiles, weights.DocFiles));
        Assert.Equal((8, 4), (weights.WideScope, weights.MediumScope));
        Assert.Equal((12, 7), (weights.HighThreshold, weights.MediumThreshold));
        Assert.False(config.EnableToc);
        Assert.False(config.EnableGrouping);
        Assert.True(config.EnableStats);
        Assert.Null(config.Llm.ForceLevel);
        Assert.Equal(TimeSpan.FromSeconds(30), config.Llm.Timeout);
        Assert.Equal(2048, config.Llm.MaxOutputTokens);
        Assert.Empty(config.Repositories);
    }

    [Fact]
    public void The_documented_complete_example_is_accepted()
    {
        var config = ConfigLoader.Parse(
            """
            repositories:
              - sgl-project/sglang
              - repo: https://github.com/vllm-project/vllm
                branch: main
                first_parent: true
              - repo: ../my-local-checkout
              - repo: git@gitlab.example.com:team/service.git
                host: gitlab
            timezone: Asia/Shanghai
            language: en
            output: reports
            formats: [md, json]
            cache_dir: ~/.cache/gitbrief
            partial_clone: false
            analysis: rules
            llm:
              base_url: https://api.deepseek.com/v1
              model: deepseek-chat
              api_key_env: LLM_API_KEY
              max_concurrency: 4
              timeout: 120
              max_tokens: 2048
            """,
            "gitbrief.yaml");

        Assert.Equal(
            ["sgl-project/sglang", "https://github.com/vllm-project/vllm", "../my-local-checkout", "git@gitlab.example.com:team/service.git"],
            config.Repositories.Select(r => r.Address));
        Assert.Equal("main", config.Repositories[1].Branch);
        Assert.True(config.Repositories[1].FirstParent);
        Assert.Equal("gitlab", config.Repositories[3].Host);
        Assert.Equal("gitbrief.yaml:2", config.Repositories[0].Origin);
        Assert.Equal("gitbrief.yaml:3", config.Repositories[1].Origin);
        Assert.Equal("Asia/Shanghai", config.TimeZone);
        Assert.Equal("en", config.Language);
        Assert.Equal(["md", "json"], config.Formats);
        Assert.Equal("https://api.deepseek.com/v1", config.Llm.BaseUrl);
        Assert.Equal(2048, config.Llm.MaxOutputTokens);
    }

    [Fact]
    public void Aliases_are_accepted()
    {
        var config = ConfigLoader.Parse("repos: [a/b]\ntz: UTC\nlang: EN\noutput_dir: out\n", "gitbrief.yaml");

        Assert.Equal("a/b", Assert.Single(config.Repositories).Address);
        Assert.Equal("UTC", config.TimeZone);
        Assert.Equal("en", config.Language);
        Assert.Equal("out", config.OutputDirectory);
    }

    [Theory]
    [InlineData("format: {message: full}\n", "full")]
    [InlineData("format:\n  message: Title\n", "title")]
    [InlineData("format: {enable_toc: true}\n", null)]
    public void Format_message_chooses_the_commit_table_cell(string yaml, string? expected)
    {
        Assert.Equal(expected, ConfigLoader.Parse(yaml, "gitbrief.yaml").TableMessage);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("timezone:\nlanguage: ~\n")]
    public void Empty_files_and_null_values_mean_not_set(string yaml)
    {
        var config = ConfigLoader.Parse(yaml, "gitbrief.yaml");

        Assert.Null(config.TimeZone);
        Assert.Null(config.Language);
        Assert.Equal(ImportanceWeights.Default.HighThreshold, config.Importance.HighThreshold);
    }

    [Theory]
    [InlineData("timezone: UTC\nimportance:\n  thresholds:\n    high: abc\n", 4, "'importance.thresholds.high' must be a whole number, not 'abc'")]
    [InlineData("language: zh\nimportance:\n  treshold: {high: 1}\n", 3, "unknown key 'treshold' in 'importance' (expected one of: change_sizes, commit_types, file_types, scopes, thresholds)")]
    [InlineData("language: zh\n\nverbose: true\n", 3, "unknown key 'verbose' in 'top level'")]
    [InlineData("timezone: Mars/Olympus\n", 1, "unknown time zone 'Mars/Olympus'")]
    [InlineData("language: fr\n", 1, "'language' must be one of zh, en, not 'fr'")]
    [InlineData("formats: [md, pdf]\n", 1, "'formats' must be one of md, json, not 'pdf'")]
    [InlineData("first_parent: maybe\n", 1, "'first_parent' must be true or false, not 'maybe'")]
    [InlineData("importance:\n  thresholds: {high: 5, medium: 9}\n", 2, "medium (9) must not exceed high (5)")]
    [InlineData("repositories:\n  - branch: main\n", 2, "a repository needs 'repo'")]
    [InlineData("repositories:\n  - repo: a/b\n    brnach: main\n", 3, "unknown key 'brnach' in 'repositories[]'")]
    [InlineData("llm:\n  base_url: ftp://example.com\n", 2, "'llm.base_url' must be an http(s) URL")]
    [InlineData("rate_limit:\n  delays: {fast: soon}\n", 2, "'rate_limit.delays.fast' must be a number, not 'soon'")]
    [InlineData("format:\n  diff: {truncate_to: -1}\n", 2, "'format.diff.truncate_to' must be between 0 and")]
    [InlineData("importance: 3\n", 1, "'importance' must be a mapping")]
    [InlineData("format:\n  enable_toc: true\n  message: body\n", 3, "'format.message' must be one of title, full, not 'body'")]
    [InlineData("importance:\n  treshold: {high: 1}\n", 2, "(expected one of: change_sizes, commit_types, file_types, scopes, thresholds); did you mean 'thresholds'?")]
    [InlineData("lanugage: zh\n", 1, "; did you mean 'language'?")]
    [InlineData("publish:\n  - type: github-issue\n    repo: a/b\n    close_after_days: 99999\n", 4, "'close_after_days' must be between 0 and 36500, not 99999")]
    [InlineData("publish:\n  - type: webhook\n    flavor: slack\n    url: https://hooks.example.com/x\n", 4, "a webhook URL holds a token and is never read from the file")]
    [InlineData("publish:\n  - type: email\n    from: a@example.com\n", 2, "publish target 'email' needs 'host'")]
    [InlineData("publish:\n  - webhook\n", 2, "publish target 'webhook' needs 'flavor'")]
    [InlineData("publish:\n  - type: site\n    pth: out\n", 3, "unknown key 'pth' in 'publish[site]' (expected one of: base_url, name, path, type); did you mean 'path'?")]
    [InlineData("publish:\n  - type: email\n    host: smtp.example.com\n    from: a@example.com\n    security: ssl\n", 5, "'security' must be one of starttls, tls, none, not 'ssl'")]
    [InlineData("store: [a, b]\n", 1, "'store' must be a text value")]
    public void Errors_name_the_file_and_line(string yaml, int line, string message)
    {
        var error = Fails(yaml);

        Assert.StartsWith($"gitbrief.yaml:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Store_names_where_runs_and_the_ledger_are_kept()
    {
        Assert.Equal("postgresql://brief@db.internal:5432/gitbrief", ConfigLoader.Parse("store: postgresql://brief@db.internal:5432/gitbrief\n", "gitbrief.yaml").Store);
        Assert.Null(ConfigLoader.Parse("store:\n", "gitbrief.yaml").Store);
    }

    [Fact]
    public void Publish_entries_are_checked_when_the_file_is_read_and_keep_their_values()
    {
        var config = ConfigLoader.Parse("publish:\n  - dir\n  - type: github-issue\n    repo: a/b\n    close_after_days: 7\n    labels: x, y\n", "gitbrief.yaml");

        Assert.Equal(["dir", "github-issue"], config.Publish.Select(t => t.Type));
        Assert.Equal(7, config.Publish[1].Int("close_after_days"));
        Assert.Equal(["x", "y"], config.Publish[1].List("labels"));
        Assert.Equal("gitbrief.yaml:3", config.Publish[1].Location);
    }

    [Theory]
    [InlineData("timezone: UTC\nlanguage: [zh\n")]
    [InlineData("a: b\n  c: d\n")]
    [InlineData("key: 'unterminated\n")]
    [InlineData("a: b: c\n")]
    public void Invalid_YAML_is_an_error_with_a_line(string yaml)
    {
        var error = Fails(yaml);

        Assert.Matches(@"^gitbrief\.yaml:\d+: invalid YAML: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Control_characters_in_untrusted_values_are_not_echoed()
    {
        var error = Fails("language: \"z\\u001b[31mh\"\n");

        Assert.DoesNotContain('\u001b', error.Message);
    }

    [Fact]
    public void Load_prefers_the_named_file_then_gitbrief_yaml_then_nothing()
    {
        Assert.Same(GitbriefConfig.Empty, ConfigLoader.Load(null, directory.Path));

        File.WriteAllText(directory.Combine("gitbrief.yml"), "language: en\n");
        var yml = ConfigLoader.Load(null, directory.Path);
        Assert.Equal("en", yml.Language);
        Assert.Equal(directory.Combine("gitbrief.yml"), yml.SourcePath);

        File.WriteAllText(directory.Combine("gitbrief.yaml"), "language: zh\n");
        Assert.Equal("zh", ConfigLoader.Load(null, directory.Path).Language);

        File.WriteAllText(directory.Combine("config.yaml"), CurrentToolConfig);
        var named = ConfigLoader.Load("config.yaml", directory.Path);
        Assert.Equal(directory.Combine("config.yaml"), named.SourcePath);
        Assert.Equal(12, named.Importance.HighThreshold);

        var missing = Assert.Throws<UsageException>(() => ConfigLoader.Load("nope.yaml", directory.Path));
        Assert.Equal("nope.yaml: config file not found", missing.Message);
    }

    [Fact]
    public void Errors_in_a_named_file_use_the_name_as_given()
    {
        File.WriteAllText(directory.Combine("config.yaml"), "importance:\n  thresholds:\n    high: abc\n");

        var error = Assert.Throws<UsageException>(() => ConfigLoader.Load("config.yaml", directory.Path));

        Assert.StartsWith("config.yaml:3: ", error.Message, StringComparison.Ordinal);
    }
}
