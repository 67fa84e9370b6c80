using System.Buffers;

namespace Gitbrief.Rendering;

/// <summary>A buffer writer that keeps nothing of its own: what is written through it is counted and, when a destination is
/// given, lands there. A document serialized through it is counted (first pass) or written into an array of exactly its
/// length (second pass) without a growing buffer of the whole document, which a <see cref="System.Text.Json.Utf8JsonWriter"/>
/// over a stream keeps until it is flushed. The second pass is lent the destination's free part itself, so the document is
/// written in place, not copied there from a scratch buffer; only a request larger than what is left is lent the scratch
/// buffer, and copied. With <c>overflow</c>, a destination that turns out too small is dropped instead of failing the
/// write: what follows is only counted, and <see cref="Fits"/> says so.</summary>
internal sealed class PassingBufferWriter(byte[]? destination, bool overflow = false) : IBufferWriter<byte>
{
    private byte[] scratch = new byte[16 * 1024];

    private byte[]? destination = destination;

    /// <summary>Whether everything written so far landed in the destination.</summary>
    public bool Fits => destination is not null;

    /// <summary>Whether the last buffer lent was the scratch buffer (to be copied into the destination), not the destination.</summary>
    private bool lentScratch = true;

    /// <summary>The bytes written so far.</summary>
    public long Length { get; private set; }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (destination is not null)
        {
            if (Length + count > destination.Length)
            {
                if (!overflow)
                {
                    throw new InvalidOperationException("more bytes were written than the destination holds");
                }
                destination = null;
            }
            else if (lentScratch)
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThan(count, scratch.Length);
                scratch.AsSpan(0, count).CopyTo(destination.AsSpan((int)Length));
            }
        }
        else
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(count, scratch.Length);
        }
        Length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Lend(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Lend(sizeHint).Span;

    private Memory<byte> Lend(int sizeHint)
    {
        lentScratch = destination is null || destination.Length - Length < Math.Max(sizeHint, 1);
        if (destination is not null && !lentScratch)
        {
            return destination.AsMemory((int)Length);
        }
        if (scratch.Length < sizeHint)
        {
            scratch = new byte[Math.Max(sizeHint, 2 * scratch.Length)];
        }
        return scratch;
    }
}
