namespace Gitbrief.Rendering;

/// <summary>A write-only stream that keeps the UTF-8 text written to it in fixed-size chunks and hands it over as one
/// array at the end: a large document (the JSON report of a commit touching 20,000 files) is never held in one
/// growing array, nor copied again to add its final newline, nor decoded into a string.</summary>
internal sealed class Utf8TextBuffer : Stream
{
    private const int ChunkSize = 1 << 16;
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

    /// <summary>The bytes written, followed by <paramref name="suffix"/>, in one array of exactly that length.</summary>
    public byte[] ToArray(byte suffix)
    {
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)length + 1));
        var written = 0;
        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = Chunk(i);
            chunk.CopyTo(bytes.AsSpan(written));
            written += chunk.Length;
        }
        bytes[written] = suffix;
        return bytes;
    }

    private ReadOnlySpan<byte> Chunk(int index) => chunks[index].AsSpan(0, index == chunks.Count - 1 ? used : ChunkSize);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
