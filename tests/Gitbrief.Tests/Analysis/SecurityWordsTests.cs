using Gitbrief.Analysis;

namespace Gitbrief.Tests.Analysis;

/// <summary>The security keyword is found through a word prefilter before the pattern: these pin that every kind of
/// keyword still comes out whole, wherever it stands in the message, and that words merely containing one do not.</summary>
public sealed class SecurityWordsTests
{
    [Theory]
    [InlineData("fix: CVE-2024-12345 in the parser", "CVE-2024-12345")]
    [InlineData("fix: advisory GHSA-abcd-1234-wxyz", "GHSA-abcd-1234-wxyz")]
    [InlineData("fix: vulnerabilities in upload", "vulnerabilities")]
    [InlineData("fix: a security issue in login", "security issue")]
    [InlineData("fix(ui): escape names (XSS)", "XSS")]
    [InlineData("fix: check the origin against csrf", "csrf")]
    [InlineData("fix: block SSRF to metadata", "SSRF")]
    [InlineData("fix: disable XXE in the reader", "XXE")]
    [InlineData("fix: RCE through plugins", "RCE")]
    [InlineData("fix: SQL injection in search", "SQL injection")]
    [InlineData("fix: stop remote code execution via templates", "remote code execution")]
    [InlineData("fix: directory traversal in archive import", "directory traversal")]
    [InlineData("fix: privilege escalation through sudo", "privilege escalation")]
    [InlineData("fix: authentication bypass with empty password", "authentication bypass")]
    [InlineData("fix: exploitable parser state", "exploitable")]
    [InlineData("fix: denial-of-service with deep nesting", "denial-of-service")]
    [InlineData("fix: DoS with deep nesting", "DoS")]
    [InlineData("fix: buffer overflow in decoder", "buffer overflow")]
    [InlineData("Fix model load heap overflow (#2068)", "heap overflow")]
    [InlineData("PR #1: Fix integer overflow leading to heap OOB write in Reshape", "heap OOB write")]
    [InlineData("fix: use-after-free on close", "use-after-free")]
    [InlineData("[sparse] UAF in sparse_reset", "UAF")]
    [InlineData("fix: __proto__ pollution (#4885)", "__proto__ pollution")]
    [InlineData("Out of bounds heap write due to an incorrect bounds check (#16887)", "Out of bounds heap write")]
    [InlineData("Prevent HTTP request/response smuggling via chunk encoding", "response smuggling")]
    [InlineData("lib: make an exit condition more defensive\n\nMeant as security hardening.", "security hardening")]
    [InlineData("fix: out of bounds read in lexer", "out of bounds read")]
    [InlineData("feat: sanitise file names", "sanitise")]
    [InlineData("fix: insecure default cipher", "insecure")]
    [InlineData("fix: leaked tokens in logs", "leaked tokens")]
    // KELVIN SIGN: a case-insensitive pattern reads it as "k".
    [InlineData("fix: leaks \u212Aeys in debug output", "leaks \u212Aeys")]
    [InlineData("chore: tidy\n\nThe body names the vulnerability (CVE-2023-0001).", "CVE-2023-0001")]
    [InlineData("fix: 修复 XSS 漏洞", "XSS")]
    [InlineData("Address atom exhaustion attack", "atom exhaustion")]
    [InlineData("fix: constant-time compare against timing attacks", "timing attacks")]
    [InlineData("Fix UDP socket exhaustion regression", "socket exhaustion")]
    public void Each_kind_of_keyword_is_found_whole(string message, string keyword)
    {
        var traits = CommitBuilder.Message(message).File("src/a.cs").Traits();

        Assert.True(traits.Security);
        Assert.Equal(keyword, traits.SecurityKeyword);
    }

    [Theory]
    [InlineData("feat: read resources from the source tree")]
    [InlineData("fix: freeze the cursor at the bounds check")]
    [InlineData("refactor: rename securityContext to context")]
    [InlineData("feat: windows support for undos")]
    [InlineData("fix: executions are counted twice")]
    [InlineData("docs: explain the execution model")]
    [InlineData("feat: 新增 freedom 模式")]
    [InlineData("feat: the boss's attack animation")]
    [InlineData("fix: exhaustive match over token kinds")]
    public void Words_that_only_contain_a_keyword_are_not_security(string message)
    {
        var traits = CommitBuilder.Message(message).File("src/a.cs").Traits();

        Assert.False(traits.Security);
        Assert.Null(traits.SecurityKeyword);
    }

    [Theory]
    [InlineData("nothing to see here", false)]
    [InlineData("a free lunch", true)]
    [InlineData("FREE", true)]
    [InlineData("freedom", false)]
    [InlineData("_free", false)]
    [InlineData("é free", true)]
    [InlineData("\u212A", true)]
    [InlineData("", false)]
    public void The_prefilter_lets_through_every_text_with_a_keyword_word(string text, bool expected) =>
        Assert.Equal(expected, SecurityWords.MayContainKeyword(text));
}
