using System.Buffers;

namespace Gitbrief.Sources;

/// <summary>Reads the output of <see cref="GitHistory.ShowArguments"/> (<c>git log -z --raw --numstat -p</c>) from
/// git's stdout as it arrives, one commit at a time: a commit's header and file entries are parsed by
/// <see cref="GitLogParser"/>; its patch is read line by line and kept (each line clipped) only for a small commit
/// (<see cref="ChangedLineReader.IsSmall"/>), whose added and removed lines become <see cref="CommitRecord.Lines"/> (kept
/// as <see cref="CommitRecord.LinesPatch"/>).
/// The patch of every other commit is read and dropped as it passes: neither the output nor a large diff is held whole.
/// With <see cref="KeptPatches"/> (LLM mode), every commit's patch is also split into files and hunks, clipped as
/// <see cref="PatchReader"/> clips it, and kept for the LLM analyzer.</summary>
internal sealed class CommitLogReader(Stream stream, KeptPatches? patches)
{
    /// <summary>The marker and the ten fields of <see cref="GitLogParser.Format"/>.</summary>
    private const int HeaderTokens = 11;

    /// <summary>A hunk line is kept up to this many bytes: enough for the <see cref="ChangedLineReader.MaxLineLength"/>
    /// characters the ranking keeps (at most 4 bytes each) and the sign.</summary>
    private const int HunkLineBytes = (4 * ChangedLineReader.MaxLineLength) + 64;

    /// <summary>A file header line (paths) is kept up to this many bytes, more than any path a file system allows.</summary>
    private const int HeaderLineBytes = 16 * 1024;

    /// <summary>Enough bytes to tell a marker or a file's first line from anything else.</summary>
    private const int Lookahead = 16;

    private static ReadOnlySpan<byte> Marker => "\u0001gitbrief\0"u8;

    private static ReadOnlySpan<byte> FileStart => "diff --git "u8;

    private static ReadOnlySpan<byte> BinaryFiles => "Binary files "u8;

    /// <summary>A buffer grown past this many bytes (a small commit's patch with long context lines) is not kept for the
    /// next commit.</summary>
    private const int ReusedBufferBytes = 1 << 20;

    private readonly GitOutputReader reader = new(stream);

    /// <summary>The kept patch of the commit being read, and an entry of its header: one buffer each for the whole read
    /// (each commit's is done with before the next commit's is read), not one grown from nothing for every commit.</summary>
    private ArrayBufferWriter<byte> keptPatch = new();
    private ArrayBufferWriter<byte> entryBuffer = new();
    private readonly List<Range> entryTokens = [];

    /// <summary>Reads <paramref name="output"/> to its end, keeping the commits' patches in <paramref name="patches"/> if given.
    /// With <paramref name="countsFromPatch"/> (git was not asked for <c>--numstat</c>), each file's line counts are taken
    /// from its patch; a commit whose patch cannot give them as numstat would (<see cref="FileEntries.TryCountFrom"/>) is
    /// left out of <see cref="CommitLogRead.Commits"/> and named in <see cref="CommitLogRead.Unsettled"/>, to be read again
    /// with <c>--numstat</c>.
    /// With <paramref name="splitParts"/> of two or more (counts from the patch, no patches kept), the read stops before
    /// the patch of a commit that <see cref="WideCommitCounts"/> would count in that many parts (<see cref="CommitLogRead.Wide"/>).</summary>
    public static Task<CommitLogRead> ReadAllAsync(
        Stream output, KeptPatches? patches, bool countsFromPatch, CancellationToken cancellationToken, int splitParts = 0) =>
        new CommitLogReader(output, patches).ReadAllAsync(countsFromPatch, countsFromPatch && patches is null ? splitParts : 0, cancellationToken);

    private async Task<CommitLogRead> ReadAllAsync(bool countsFromPatch, int splitParts, CancellationToken cancellationToken)
    {
        var read = new CommitLogRead([], []);
        var head = new ArrayBufferWriter<byte>();
        // Anything before the first marker is not a commit.
        while (await reader.FillAsync(Lookahead, cancellationToken).ConfigureAwait(false) > 0 && !reader.StartsWith(Marker))
        {
            await reader.ConsumeAsync((byte)'\n', null, 0, cancellationToken).ConfigureAwait(false);
        }
        while (await reader.FillAsync(Lookahead, cancellationToken).ConfigureAwait(false) > 0 && reader.StartsWith(Marker))
        {
            head.ResetWrittenCount();
            var entries = new FileEntries();
            var patchFollows = await ReadHeadAsync(head, entries, cancellationToken).ConfigureAwait(false);
            var parsed = GitLogParser.Parse(head.WrittenSpan);
            var sections = countsFromPatch ? new List<PatchCount>() : null;
            var sha = parsed.Count == 1 ? parsed[0].Sha : null;
            var builder = sha is not null && patches is { HasRoom: true } ? new PatchBuilder(PatchReader.MaxFileChars, PatchReader.MaxCommitChars) : null;
            // Whether the commit is small is known from numstat before its patch, or from the patch once read: keep it
            // while reading when it may be, decide after.
            var commit = parsed.Count == 1 && !countsFromPatch ? parsed[0] with { Files = entries.ToList() } : null;
            var keep = commit is not null ? ChangedLineReader.IsSmall(commit) : sha is not null && ChangedLineReader.MayBeSmall(parsed[0].Parents.Count, entries.Count);
            if (patchFollows && splitParts > 1 && sha is not null && WideCommitCounts.Split(parsed[0], entries, splitParts) is { } parts)
            {
                read.Wide = new WideCommit(parsed[0], entries, parts);
                return read;
            }
            var patch = patchFollows ? await ReadPatchAsync(keep, builder, sections, cancellationToken).ConfigureAwait(false) : null;
            if (builder is not null)
            {
                patches!.Add(sha!, builder.Finish(), builder.KeptChars);
            }
            if (sha is null)
            {
                continue;
            }
            if (sections is not null)
            {
                if (!entries.TryCountFrom(sections))
                {
                    read.Unsettled.Add(sha);
                    continue;
                }
                commit = parsed[0] with { Files = entries.ToList() };
            }
            read.Commits.Add(ChangedLineReader.IsSmall(commit!)
                ? commit! with { LinesPatch = patch is null ? [] : patch.WrittenSpan.ToArray() }
                : commit!);
        }
        return read;
    }

    /// <summary>Copies a commit's marker and header fields into <paramref name="head"/> and reads its raw and numstat
    /// entries one at a time into <paramref name="entries"/>, following their structure (the paths after an entry are never
    /// taken for a marker or a patch); true when the commit's patch comes next, false at the next commit or the end.</summary>
    private async Task<bool> ReadHeadAsync(ArrayBufferWriter<byte> head, FileEntries entries, CancellationToken cancellationToken)
    {
        for (var i = 0; i < HeaderTokens; i++)
        {
            if (!await reader.ConsumeAsync(0, head, int.MaxValue, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }
        var entry = Reused(ref entryBuffer);
        while (true)
        {
            if (!await reader.SkipAsync((byte)'\n', cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
            await reader.FillAsync(Lookahead, cancellationToken).ConfigureAwait(false);
            if (reader.StartsWith(Marker))
            {
                return false;
            }
            if (reader.StartsWith(FileStart))
            {
                return true;
            }
            entry.ResetWrittenCount();
            await reader.ConsumeAsync(0, entry, int.MaxValue, cancellationToken).ConfigureAwait(false);
            for (var paths = PathsAfter(entry.WrittenSpan.TrimEnd((byte)0)); paths > 0; paths--)
            {
                if (!await reader.ConsumeAsync(0, entry, int.MaxValue, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }
            }
            var tokens = GitLogParser.Tokenize(entry.WrittenSpan, entryTokens);
            var at = 0;
            if (!entries.Read(entry.WrittenSpan, tokens, ref at))
            {
                return false;
            }
        }
    }

    /// <summary><paramref name="buffer"/> emptied for reuse, or a new one in its place when it grew too large.</summary>
    private static ArrayBufferWriter<byte> Reused(ref ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity > ReusedBufferBytes)
        {
            buffer = new ArrayBufferWriter<byte>();
        }
        buffer.ResetWrittenCount();
        return buffer;
    }

    /// <summary>How many path tokens follow an entry: one after a raw entry, two after a rename's or a copy's, two
    /// after a numstat entry of a rename (its path left empty), none otherwise.</summary>
    private static int PathsAfter(ReadOnlySpan<byte> entry)
    {
        if (entry.IsEmpty)
        {
            return 0;
        }
        if (entry[0] == (byte)':')
        {
            var status = entry[(entry.LastIndexOf((byte)' ') + 1)..];
            return status.Length > 0 && status[0] is (byte)'R' or (byte)'C' ? 2 : 1;
        }
        var tabs = entry.Count((byte)'\t');
        return tabs == 2 && entry[^1] == (byte)'\t' ? 2 : 0;
    }

    /// <summary>Reads a commit's patch up to the next commit's marker (or the end), keeping its lines, clipped, when
    /// <paramref name="keep"/> (null when not kept; the buffer returned is reused for the next commit's patch), feeding them to <paramref name="builder"/> if any, and counting each
    /// file section's added and removed lines into <paramref name="sections"/> if given.</summary>
    private async Task<ArrayBufferWriter<byte>?> ReadPatchAsync(
        bool keep, PatchBuilder? builder, List<PatchCount>? sections, CancellationToken cancellationToken)
    {
        var kept = keep ? Reused(ref keptPatch) : null;
        var line = builder is null ? null : new ArrayBufferWriter<byte>();
        var inFileHeader = false;
        var (additions, deletions, binary, inSection) = (0, 0, false, false);
        var changed = 0L;
        while (await reader.FillAsync(Lookahead, cancellationToken).ConfigureAwait(false) > 0 && !reader.StartsWith(Marker))
        {
            if (reader.StartsWith(FileStart))
            {
                if (inSection)
                {
                    sections?.Add(new PatchCount(additions, deletions, binary, !inFileHeader));
                }
                (additions, deletions, binary, inSection) = (0, 0, false, true);
                inFileHeader = true;
            }
            else if (reader.StartsWith("@@"u8))
            {
                inFileHeader = false;
            }
            else if (!inFileHeader && sections is not null)
            {
                // A hunk's lines start with ' ', '+', '-' or '\\' (no newline at end of file); its header's
                // "--- a/" and "+++ b/" lines came before the first "@@".
                var added = reader.StartsWith("+"u8);
                if (added || reader.StartsWith("-"u8))
                {
                    additions += added ? 1 : 0;
                    deletions += added ? 0 : 1;
                    // Too many changed lines for a small commit: its lines are not kept (a large patch is never held).
                    if (++changed > ChangedLineReader.MaxLinesPerCommit)
                    {
                        kept = null;
                    }
                }
            }
            else if (reader.StartsWith(BinaryFiles))
            {
                binary = true;
            }
            var limit = inFileHeader ? HeaderLineBytes : HunkLineBytes;
            // A hunk's context lines and "\ No newline" notes say nothing of what changed (ChangedLineReader.LinesOf
            // passes over them): a third or more of a small commit's patch, not kept.
            var keptLine = inFileHeader || !(reader.StartsWith(" "u8) || reader.StartsWith("\\"u8)) ? kept : null;
            if (builder is null || !PatchReader.TakesNextLine(builder, reader))
            {
                await reader.ConsumeAsync((byte)'\n', keptLine, limit, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var text = await PatchReader.AddNextLineAsync(builder, reader, line!, cancellationToken).ConfigureAwait(false);
            if (keptLine is not null)
            {
                keptLine.Write(text.Span[..Math.Min(text.Length, limit)]);
                keptLine.Write("\n"u8);
            }
        }
        if (inSection)
        {
            sections?.Add(new PatchCount(additions, deletions, binary, !inFileHeader));
        }
        return kept;
    }
}
