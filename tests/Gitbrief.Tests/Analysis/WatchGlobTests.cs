using Gitbrief.Analysis;
using Gitbrief.Common;

namespace Gitbrief.Tests.Analysis;

/// <summary>The path patterns of watch rules: gitignore-like, anchored when they contain a '/', a directory
/// pattern covering everything below it, case-sensitive.</summary>
public sealed class WatchGlobTests
{
    [Theory]
    [InlineData("vllm/attention/**", "vllm/attention/backends/flash.py", true)]
    [InlineData("vllm/attention/**", "vllm/attention.py", false)]
    [InlineData("vllm/attention/", "vllm/attention/ops/paged.cu", true)]
    [InlineData("vllm/attention", "vllm/attention/ops/paged.cu", true)]
    [InlineData("vllm/attention", "vllm/attention_utils.py", false)]
    [InlineData("vllm/attention", "tests/vllm/attention/test_x.py", false)]
    [InlineData("/vllm/attention", "vllm/attention/x.py", true)]
    [InlineData("*.lock", "Cargo.lock", true)]
    [InlineData("*.lock", "web/app/yarn.lock", true)]
    [InlineData("*.lock", "Cargo.lock.bak", false)]
    [InlineData("Cargo.lock", "crates/a/Cargo.lock", true)]
    [InlineData("src/*.rs", "src/main.rs", true)]
    [InlineData("src/*.rs", "src/bin/tool.rs", false)]
    [InlineData("src/**/*.rs", "src/main.rs", true)]
    [InlineData("src/**/*.rs", "src/bin/deep/tool.rs", true)]
    [InlineData("**/kernels/*.cu", "csrc/kernels/gemm.cu", true)]
    [InlineData("**/kernels/*.cu", "kernels/gemm.cu", true)]
    [InlineData("docs/**/*.{md,rst}", "docs/guide/intro.rst", true)]
    [InlineData("docs/**/*.{md,rst}", "docs/guide/intro.txt", false)]
    [InlineData("file?.py", "file1.py", true)]
    [InlineData("file?.py", "file10.py", false)]
    [InlineData("v[0-9].txt", "v7.txt", true)]
    [InlineData("v[!0-9].txt", "vx.txt", true)]
    [InlineData("v[!0-9].txt", "v7.txt", false)]
    [InlineData("Docs/", "docs/a.md", false)]
    [InlineData("a\\*b", "a*b", true)]
    [InlineData("a\\*b", "axb", false)]
    [InlineData("**", "anything/at/all.txt", true)]
    public void Patterns_match_as_documented(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, WatchGlob.Parse(pattern).Matches(path));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("/", "empty")]
    [InlineData("src/[abc", "'[' without a closing ']'")]
    [InlineData("src/{a,b", "'{' without a closing '}'")]
    [InlineData("src/a}", "'}' without a matching '{'")]
    [InlineData("{a,{b,c}}", "cannot be nested")]
    [InlineData("{a/b,c}", "cannot contain '/'")]
    [InlineData("src/a**", "'**' must be a whole path segment")]
    [InlineData("**.py", "'**' must be a whole path segment")]
    [InlineData("x\\", "escapes nothing")]
    [InlineData("v[z-a]", "runs backwards")]
    [InlineData("a\u0001b", "control characters")]
    public void Bad_patterns_say_what_is_wrong(string pattern, string message)
    {
        var error = Assert.Throws<FormatException>(() => WatchGlob.Parse(pattern));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_pattern_on_a_long_path_matches_quickly_without_backtracking()
    {
        var glob = WatchGlob.Parse("**/a/**/a/**/a/**/a/**/a/**/b");
        var path = string.Join('/', Enumerable.Repeat("a", 5_000));

        Assert.False(glob.Matches(path));
        Assert.True(glob.Matches(path + "/b"));
    }
}
