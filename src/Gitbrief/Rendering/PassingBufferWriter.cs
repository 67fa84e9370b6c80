using System.Buffers;

namespace Gitbrief.Rendering;

/// <summary>A buffer writer that keeps nothing of its own: it lends one scratch buffer, and what is written into it is
/// counted and, when a destination is given, copied there at once. A document serialized through it is counted (first
/// pass) or written into an array of exactly its length (second pass) without a growing buffer of the whole document,
/// which a <see cref="System.Text.Json.Utf8JsonWriter"/> over a stream keeps until it is flushed.</summary>
internal sealed class PassingBufferWriter(byte[]? destination) : IBufferWriter<byte>
{
    private byte[] scratch = new byte[16 * 1024];

    /// <summary>The bytes written so far.</summary>
    public long Length { get; private set; }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, scratch.Length);
        if (destination is not null)
        {
            if (Length + count > destination.Length)
            {
                throw new InvalidOperationException("more bytes were written than the destination holds");
            }
            scratch.AsSpan(0, count).CopyTo(destination.AsSpan((int)Length));
        }
        Length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint);

    private byte[] Scratch(int sizeHint)
    {
        if (scratch.Length < sizeHint)
        {
            scratch = new byte[Math.Max(sizeHint, 2 * scratch.Length)];
        }
        return scratch;
    }
}
