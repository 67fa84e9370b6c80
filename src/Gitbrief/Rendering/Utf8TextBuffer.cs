using System.Text;

namespace Gitbrief.Rendering;

/// <summary>A write-only stream that keeps the UTF-8 text written to it in fixed-size chunks and decodes it into one
/// string at the end: a large document (the JSON report of a commit touching 20,000 files) is never held in one
/// growing array, nor copied again to add its final newline.</summary>
internal sealed class Utf8TextBuffer : Stream
{
    private const int ChunkSize = 1 << 16;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly List<byte[]> chunks = [];
    private int used = ChunkSize;
    private long length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => length;

    public override long Position
    {
        get => length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            if (used == ChunkSize)
            {
                chunks.Add(new byte[ChunkSize]);
                used = 0;
            }
            var take = Math.Min(buffer.Length, ChunkSize - used);
            buffer[..take].CopyTo(chunks[^1].AsSpan(used));
            used += take;
            length += take;
            buffer = buffer[take..];
        }
    }

    /// <summary>The text written, decoded (invalid bytes as U+FFFD), followed by <paramref name="suffix"/>.</summary>
    public string ToString(char suffix)
    {
        // Decoded twice, chunk by chunk: once to count the characters (into a scratch chunk), once into the string.
        var decoder = Utf8.GetDecoder();
        var scratch = new char[ChunkSize + 4];
        var count = 0;
        for (var i = 0; i < chunks.Count; i++)
        {
            count += decoder.GetChars(Chunk(i), scratch, flush: i == chunks.Count - 1);
        }
        decoder.Reset();
        return string.Create(count + 1, (Buffer: this, Decoder: decoder, Suffix: suffix), static (span, state) =>
        {
            var written = 0;
            var chunks = state.Buffer.chunks;
            for (var i = 0; i < chunks.Count; i++)
            {
                written += state.Decoder.GetChars(state.Buffer.Chunk(i), span[written..], flush: i == chunks.Count - 1);
            }
            span[written] = state.Suffix;
        });
    }

    private ReadOnlySpan<byte> Chunk(int index) => chunks[index].AsSpan(0, index == chunks.Count - 1 ? used : ChunkSize);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
