using System.Text.Json;
using Gitbrief.Analysis;
using Gitbrief.Analysis.Llm;
using Gitbrief.Common;
using Gitbrief.Configuration;
using Gitbrief.Pipeline;
using Gitbrief.Sources;
using Gitbrief.Sources.GitHubApi;

namespace Gitbrief.Tests.Sources;

/// <summary>The pieces of source: github-api on their own: payload mapping, patches, Link headers, config keys.</summary>
public sealed class GitHubApiUnitTests
{
    [Fact]
    public void GitHubApi_commit_payload_maps_to_a_record_in_UTC_with_git_statuses()
    {
        const string json = """
            {
              "sha": "0123456789abcdef0123456789abcdef01234567",
              "node_id": "C_x",
              "commit": {
                "author": { "name": "Ada", "email": "ada@example.com", "date": "2026-01-12T01:05:00Z" },
                "committer": { "name": "GitHub", "email": "noreply@github.com", "date": "2026-01-12T02:00:00Z" },
                "message": "fix: thing (#12)\r\n\r\nbody",
                "verification": { "verified": false }
              },
              "author": null,
              "parents": [ { "sha": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "url": "x" } ],
              "stats": { "total": 9, "additions": 7, "deletions": 2 },
              "files": [
                { "filename": "src/a.cs", "status": "modified", "additions": 3, "deletions": 1, "changes": 4, "patch": "@@ -1 +1,3 @@\n-a\n+b\n+c\n+d" },
                { "filename": "src/new.cs", "previous_filename": "src/old.cs", "status": "renamed", "additions": 0, "deletions": 0, "changes": 0 },
                { "filename": "img/logo.png", "status": "added", "additions": 0, "deletions": 0, "changes": 0 },
                { "filename": "data/huge.sql", "status": "added", "additions": 4, "deletions": 0, "changes": 4 },
                { "filename": "gone.txt", "status": "removed", "additions": 0, "deletions": 1, "changes": 1, "patch": "@@ -1 +0,0 @@\n-x" },
                { "filename": "run.sh", "status": "changed", "additions": 0, "deletions": 0, "changes": 0, "patch": "" }
              ]
            }
            """;
        var payload = JsonSerializer.Deserialize(json, GitHubJsonContext.Default.CommitPayload)!;

        var record = GitHubCommitMapper.ToRecord(payload);

        Assert.Equal(new DateTimeOffset(2026, 1, 12, 2, 0, 0, TimeSpan.Zero), record.CommittedAt);
        Assert.Equal(TimeSpan.Zero, record.AuthoredAt.Offset);
        Assert.Equal("fix: thing (#12)\n\nbody", record.Message);
        Assert.Equal(12, record.PullRequest);
        Assert.Equal(["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"], record.Parents);
        Assert.False(record.FilesTruncated);
        Assert.Equal(
            [
                new FileChange("src/a.cs", null, FileStatus.Modified, 3, 1, false),
                new FileChange("src/new.cs", "src/old.cs", FileStatus.Renamed, 0, 0, false),
                new FileChange("img/logo.png", null, FileStatus.Added, 0, 0, true),
                new FileChange("data/huge.sql", null, FileStatus.Added, 4, 0, false) { PatchUnavailable = true },
                new FileChange("gone.txt", null, FileStatus.Deleted, 0, 1, false),
                new FileChange("run.sh", null, FileStatus.Modified, 0, 0, false),
            ],
            record.Files);
    }

    [Fact]
    public void GitHubApi_commit_with_300_files_is_marked_truncated()
    {
        var files = Enumerable.Range(0, GitHubCommitMapper.MaxFiles)
            .Select(i => new FilePayload($"f{i}.txt", null, "added", 1, 0, "@@ -0,0 +1 @@\n+x")).ToList();
        var payload = new CommitPayload("b".PadRight(40, 'b'), new GitCommitPayload(null, null, "many"), [], files);

        Assert.True(GitHubCommitMapper.ToRecord(payload).FilesTruncated);
        Assert.False(GitHubCommitMapper.ToRecord(payload with { Files = files[..299] }).FilesTruncated);
    }

    [Fact]
    public void GitHubApi_patch_text_becomes_a_file_patch_with_a_header_and_hunks()
    {
        var file = new FilePayload("src/new.cs", "src/old.cs", "renamed", 2, 1,
            "@@ -1,2 +1,2 @@ class A\n-a\n+b\n context\n@@ -10 +10,2 @@\n+c\n\\ No newline at end of file");

        var patch = ApiPatchParser.Parse(file)!;

        Assert.Equal("src/new.cs", patch.Path);
        Assert.Equal("diff --git a/src/old.cs b/src/new.cs\nrename from src/old.cs\nrename to src/new.cs\n--- a/src/old.cs\n+++ b/src/new.cs\n", patch.Header);
        Assert.Equal(["@@ -1,2 +1,2 @@ class A\n-a\n+b\n context\n", "@@ -10 +10,2 @@\n+c\n\\ No newline at end of file\n"], patch.Hunks);
        Assert.Null(ApiPatchParser.Parse(file with { Patch = null }));
        var added = ApiPatchParser.Parse(new FilePayload("x.txt", null, "added", 1, 0, "@@ -0,0 +1 @@\n+x"))!;
        Assert.Contains("--- /dev/null\n+++ b/x.txt\n", added.Header, StringComparison.Ordinal);
        var removed = ApiPatchParser.Parse(new FilePayload("x.txt", null, "removed", 0, 1, "@@ -1 +0,0 @@\n-x"))!;
        Assert.Contains("--- a/x.txt\n+++ /dev/null\n", removed.Header, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<https://api.github.com/repositories/1/commits?page=2>; rel=\"next\", <https://api.github.com/repositories/1/commits?page=5>; rel=\"last\"",
        "https://api.github.com/repositories/1/commits?page=2")]
    [InlineData("<https://x/c?page=1>; rel=\"prev\", <https://x/c?page=3>; rel=\"next\"", "https://x/c?page=3")]
    [InlineData("<https://x/c?page=1>; rel=\"first\"", null)]
    [InlineData("", null)]
    public void GitHubApi_Link_header_names_the_next_page(string header, string? next) =>
        Assert.Equal(next, LinkHeader.Find(header, "next"));

    [Fact]
    public void GitHubApi_packer_names_a_file_whose_patch_the_API_left_out()
    {
        var files = new List<ClassifiedFile>
        {
            new(new FileChange("src/big.cs", null, FileStatus.Modified, 900, 10, false) { PatchUnavailable = true }, FileRole.Source),
            new(new FileChange("src/empty.cs", null, FileStatus.Modified, 0, 0, false), FileRole.Source),
        };

        var packed = new DiffPacker(TokenCounter.Default).Pack(files, new Dictionary<string, FilePatch>(), 10_000);

        Assert.Equal([new OmittedFile("src/big.cs", "patch not provided by the API"), new OmittedFile("src/empty.cs", "no textual diff")], packed.Omitted);
    }

    [Fact]
    public void GitHubApi_config_keys_are_read_top_level_and_per_repository()
    {
        var config = ConfigLoader.Parse("""
            source: github-api
            api_url: https://ghe.example.com/api/v3
            enrich_pull_requests: true
            repositories:
              - acme/one
              - repo: https://github.com/acme/two
                source: git
                api_url: http://127.0.0.1:9/
                enrich_pull_requests: false
            """, "gitbrief.yaml");

        Assert.Equal("github-api", config.Source);
        Assert.Equal("https://ghe.example.com/api/v3", config.ApiUrl);
        Assert.True(config.EnrichPullRequests);
        var two = config.Repositories[1];
        Assert.Equal(("git", "http://127.0.0.1:9/", false), (two.Source, two.ApiUrl, two.EnrichPullRequests));

        var request = RequestResolver.Resolve(new ReportArguments(), config, Path.GetTempPath(), DateTimeOffset.UtcNow, _ => null);
        Assert.Equal(SourceKind.GitHubApi, request.Repositories[0].Source);
        Assert.Equal("https://ghe.example.com/api/v3", request.Repositories[0].ApiUrl);
        Assert.True(request.Repositories[0].EnrichPullRequests);
        Assert.Equal(SourceKind.Git, request.Repositories[1].Source);
        Assert.False(request.Repositories[1].EnrichPullRequests);
        Assert.Null(request.GitHubToken);

        var withToken = RequestResolver.Resolve(new ReportArguments(), config, Path.GetTempPath(), DateTimeOffset.UtcNow,
            name => name == "TOKEN" ? " ghp_unit_test_token_value " : null);
        Assert.Equal("ghp_unit_test_token_value", withToken.GitHubToken);
        Assert.DoesNotContain("ghp_unit_test_token_value", withToken.ToString(), StringComparison.Ordinal);
        Assert.Equal("***", SecretRedactor.Redact("ghp_unit_test_token_value"));
    }

    [Theory]
    [InlineData("source: svn\n", "gitbrief.yaml:1: 'source' must be one of git, github-api, not 'svn'")]
    [InlineData("api_url: ftp://x\n", "gitbrief.yaml:1: 'api_url' must be an http(s) URL")]
    [InlineData("repositories:\n  - repo: a/b\n    enrich_pull_requests: maybe\n", "gitbrief.yaml:3: 'enrich_pull_requests' must be true or false")]
    [InlineData("repositories:\n  - repo: a/b\n    source: hg\n", "gitbrief.yaml:3: 'source' must be one of git, github-api")]
    public void GitHubApi_config_errors_name_file_and_line(string yaml, string expected)
    {
        var error = Assert.Throws<UsageException>(() => ConfigLoader.Parse(yaml, "gitbrief.yaml"));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme/demo", null, "https://api.github.com/")]
    [InlineData("https://github.com/acme/demo.git", null, "https://api.github.com/")]
    [InlineData("https://github.example.com/acme/demo.git", null, "https://github.example.com/api/v3/")]
    [InlineData("git@git.corp.example:acme/demo.git", "github", "https://git.corp.example/api/v3/")]
    public void GitHubApi_default_API_root_follows_the_host(string address, string? host, string expected)
    {
        var config = new GitbriefConfig { Repositories = [new RepositoryEntry(address, Host: host, Source: "github-api")] };
        var spec = RequestResolver.Resolve(new ReportArguments(), config, Path.GetTempPath(), DateTimeOffset.UtcNow, _ => null).Repositories[0];
        Assert.True(RepositoryAddress.TryParseRemote(spec.Address.RemoteUrl!, out var remoteHost, out _));
        Assert.Equal(expected, GitHubApiOptions.DefaultFor(remoteHost));
    }
}
