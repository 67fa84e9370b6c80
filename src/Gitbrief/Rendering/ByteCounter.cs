using System.Buffers;

namespace Gitbrief.Rendering;

/// <summary>A write-only stream that counts the bytes written to it: the length of a document serialized through it.
/// It also keeps them (in a pooled buffer) while they are at most <c>keep</c> bytes, so that a document that small needs
/// no second serialization; past that it keeps nothing, and a large document is never held.</summary>
internal sealed class ByteCounter(int keep = 0) : Stream
{
    private const int FirstBuffer = 64 * 1024;

    private long length;
    private byte[]? kept;

    /// <summary>Copies the bytes written into <paramref name="destination"/> when they were few enough to be kept (at most
    /// <c>keep</c>); false, copying nothing, when they were not.</summary>
    public bool TryCopyKept(Span<byte> destination)
    {
        if (length > keep)
        {
            return false;
        }
        kept.AsSpan(0, (int)length).CopyTo(destination);
        return true;
    }

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
        Write(buffer.AsSpan(offset, count));
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var end = length + buffer.Length;
        if (end <= keep)
        {
            Keep(buffer, (int)end);
        }
        else
        {
            Release();
        }
        length = end;
    }

    private void Keep(ReadOnlySpan<byte> buffer, int end)
    {
        if (kept is null || kept.Length < end)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(keep, Math.Max(end, Math.Max(FirstBuffer, (kept?.Length ?? 0) * 2))));
            kept?.AsSpan(0, (int)length).CopyTo(larger);
            Release();
            kept = larger;
        }
        buffer.CopyTo(kept.AsSpan((int)length));
    }

    private void Release()
    {
        if (kept is not null)
        {
            ArrayPool<byte>.Shared.Return(kept);
            kept = null;
        }
    }

    protected override void Dispose(bool disposing)
    {
        Release();
        base.Dispose(disposing);
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
