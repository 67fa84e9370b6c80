using System.Globalization;
using System.Text;
using Gitbrief.Rendering;

namespace Gitbrief.Tests.Rendering;

/// <summary>The JSON report is escaped as bytes (it is never a string): every bidirectional control becomes its \u escape,
/// and nothing else changes, not even characters whose UTF-8 starts like one (U+2026 … and U+2014 — begin with 0xE2 0x80
/// as U+202A–202E do).</summary>
public sealed class BidiJsonEscapeTests
{
    private static string Escaped(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            builder.Append(BidiControls.Is(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c);
        }
        return builder.ToString();
    }

    [Theory]
    [InlineData("{\"title\": \"approve \u202Eexe.txt\u202C\"}\n")]
    [InlineData("\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069")]
    [InlineData("a\u2069")]
    [InlineData("…—–\u2026\u2014\u2065\u206A\u202F\u2029 提交 🙂 \u062C\u061B \u202E")]
    public void Every_control_becomes_its_escape_and_nothing_else_changes(string text)
    {
        var escaped = BidiControls.EscapeInJson(Encoding.UTF8.GetBytes(text));

        Assert.Equal(Escaped(text), Encoding.UTF8.GetString(escaped));
    }

    [Fact]
    public void Json_without_them_is_returned_as_it_is()
    {
        var json = Encoding.UTF8.GetBytes("{\"title\": \"… — 提交 \u2026\u2014 \u062C\"}\n");

        Assert.Same(json, BidiControls.EscapeInJson(json));
    }
}
