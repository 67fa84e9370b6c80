using System.Buffers;

namespace Gitbrief.Sources;

/// <summary>Reads git's output as it arrives, by tokens or lines, without ever holding more of it than the caller keeps:
/// a window of the stream to look ahead in (<see cref="FillAsync"/>, <see cref="StartsWith"/>), and
/// <see cref="ConsumeAsync"/> to pass over the bytes up to a delimiter, keeping as many of them as asked.</summary>
internal sealed class GitOutputReader(Stream stream)
{
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int length;
    private bool ended;

    /// <summary>Buffers at least <paramref name="count"/> bytes unless the output ends first; returns how many are buffered.
    /// Called for every line of a patch: when the bytes are there already, it returns them without an asynchronous call.</summary>
    public ValueTask<int> FillAsync(int count, CancellationToken cancellationToken) =>
        length - position >= count || ended ? new ValueTask<int>(length - position) : ReadMoreAsync(count, cancellationToken);

    private async ValueTask<int> ReadMoreAsync(int count, CancellationToken cancellationToken)
    {
        while (length - position < count && !ended)
        {
            if (position > 0)
            {
                Buffer.BlockCopy(buffer, position, buffer, 0, length - position);
                length -= position;
                position = 0;
            }
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            ended = read == 0;
            length += read;
        }
        return length - position;
    }

    /// <summary>Whether the buffered bytes start with <paramref name="prefix"/> (call <see cref="FillAsync"/> first).</summary>
    public bool StartsWith(ReadOnlySpan<byte> prefix) => buffer.AsSpan(position, length - position).StartsWith(prefix);

    /// <summary>Passes over the buffered bytes equal to <paramref name="value"/> at the current position; returns whether
    /// any byte is left after them.</summary>
    public async ValueTask<bool> SkipAsync(byte value, CancellationToken cancellationToken)
    {
        while (await FillAsync(1, cancellationToken).ConfigureAwait(false) > 0)
        {
            if (buffer[position] != value)
            {
                return true;
            }
            position++;
        }
        return false;
    }

    /// <summary>Consumes the bytes up to and including the next <paramref name="delimiter"/> (or to the end), copying the
    /// first <paramref name="keep"/> of them and the delimiter into <paramref name="into"/>; false when nothing was left.</summary>
    public ValueTask<bool> ConsumeAsync(byte delimiter, ArrayBufferWriter<byte>? into, int keep, CancellationToken cancellationToken)
    {
        // The common case, a line already buffered whole, without an asynchronous call.
        var at = buffer.AsSpan(position, length - position).IndexOf(delimiter);
        if (at < 0)
        {
            return ConsumeAcrossReadsAsync(delimiter, into, keep, cancellationToken);
        }
        if (into is not null)
        {
            into.Write(buffer.AsSpan(position, Math.Min(at, keep)));
            into.Write(buffer.AsSpan(position + at, 1));
        }
        position += at + 1;
        return new ValueTask<bool>(true);
    }

    private async ValueTask<bool> ConsumeAcrossReadsAsync(byte delimiter, ArrayBufferWriter<byte>? into, int keep, CancellationToken cancellationToken)
    {
        if (await FillAsync(1, cancellationToken).ConfigureAwait(false) == 0)
        {
            return false;
        }
        var copied = 0;
        while (true)
        {
            var available = buffer.AsSpan(position, length - position);
            var at = available.IndexOf(delimiter);
            var part = at < 0 ? available : available[..at];
            if (into is not null && copied < keep)
            {
                var taken = part[..Math.Min(part.Length, keep - copied)];
                into.Write(taken);
                copied += taken.Length;
            }
            if (at >= 0)
            {
                into?.Write(available.Slice(at, 1));
                position += at + 1;
                return true;
            }
            position = length;
            if (await FillAsync(1, cancellationToken).ConfigureAwait(false) == 0)
            {
                return true;
            }
        }
    }
}
