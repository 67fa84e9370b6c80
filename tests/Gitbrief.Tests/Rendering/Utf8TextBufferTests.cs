using System.Text;
using Gitbrief.Rendering;

namespace Gitbrief.Tests.Rendering;

/// <summary>The chunked buffer the JSON report is written through: the text comes back whole, whatever the chunk
/// boundaries cut through (CJK, emoji), byte for byte.</summary>
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
        Assert.Equal(text + "\n", Encoding.UTF8.GetString(buffer.ToArray((byte)'\n')));
    }

    [Fact]
    public void Bytes_come_back_as_written_and_an_empty_buffer_is_its_suffix()
    {
        using var buffer = new Utf8TextBuffer();
        Assert.Equal("\n"u8.ToArray(), buffer.ToArray((byte)'\n'));

        buffer.Write([0x61, 0xFF, 0xE6, 0x8F]);

        Assert.Equal(new byte[] { 0x61, 0xFF, 0xE6, 0x8F, 0x0A }, buffer.ToArray((byte)'\n'));
    }
}
