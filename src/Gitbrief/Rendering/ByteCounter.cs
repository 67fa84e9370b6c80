namespace Gitbrief.Rendering;

/// <summary>A write-only stream that keeps nothing and counts the bytes written to it: the length of a document
/// serialized through it, without holding the document.</summary>
internal sealed class ByteCounter : Stream
{
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

    public override void Write(byte[] buffer, int offset, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        length += count;
    }

    public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
