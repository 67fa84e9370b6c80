using System.Text;
using Gitbrief.Rendering;

namespace Gitbrief.Tests.Rendering;

/// <summary>The chunked buffer the JSON report is written through: the text comes back whole, whatever the chunk
/// boundaries cut through (CJK, emoji, invalid bytes).</summary>
public sealed class Utf8TextBufferTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4093)]
    [InlineData(70000)]
    public void Text_written_in_pieces_of_any_size_comes_back_whole_with_its_suffix(int piece)
    {
        var text = new StringBuilder();
        for (var i = 0; i < 30000; i++)
        {
            text.Append(i % 3 == 0 ? "提交" : i % 3 == 1 ? "🙂 ok " : "a\"b\n");
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        using var buffer = new Utf8TextBuffer();

        for (var offset = 0; offset < bytes.Length; offset += piece)
        {
            buffer.Write(bytes, offset, Math.Min(piece, bytes.Length - offset));
        }

        Assert.Equal(bytes.Length, buffer.Length);
        Assert.Equal(text + "\n", buffer.ToString('\n'));
    }

    [Fact]
    public void Invalid_bytes_decode_as_replacement_characters_and_an_empty_buffer_is_its_suffix()
    {
        using var buffer = new Utf8TextBuffer();
        Assert.Equal("\n", buffer.ToString('\n'));

        buffer.Write([0x61, 0xFF, 0xE6, 0x8F]);

        Assert.Equal(Encoding.UTF8.GetString([0x61, 0xFF, 0xE6, 0x8F]) + "\n", buffer.ToString('\n'));
    }
}
