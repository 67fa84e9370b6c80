using System.Buffers;
using System.Text;

namespace Gitbrief.Sources;

/// <summary>Reads the output of <see cref="GitHistory.ShowArguments"/> (<c>git log -z --raw --numstat -p</c>) from
/// git's stdout as it arrives, one commit at a time: a commit's header and file entries are parsed by
/// <see cref="GitLogParser"/>; its patch is read line by line and kept (each line clipped) only for a small commit
/// (<see cref="ChangedLineReader.IsSmall"/>), whose added and removed lines become <see cref="CommitRecord.Lines"/>.
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

    /// <summary>A commit with more files than this has a patch worth a git process of its own to skip (see
    /// <see cref="CommitLog.StoppedEarly"/>).</summary>
    internal const int WideFiles = 200;

    /// <summary>A commit with more changed lines than this has a patch worth a git process of its own to skip.</summary>
    internal const long WideLines = 20_000;

    private readonly GitOutputReader reader = new(stream);

    /// <summary>Reads <paramref name="output"/> to its end, keeping the commits' patches in <paramref name="patches"/> if given.
    /// Without <paramref name="patches"/>, the read stops at the patch of a wide commit (<see cref="IsWide"/>), which would only
    /// be dropped: the commit is complete without it (its files and counts come before), and git need not write it.</summary>
    public static Task<CommitLog> ReadAllAsync(Stream output, KeptPatches? patches, CancellationToken cancellationToken) =>
        new CommitLogReader(output, patches).ReadAllAsync(cancellationToken);

    /// <summary>A commit whose patch (never kept: it is not small) costs git more to write, and gitbrief to read and drop, than
    /// a git process to start: hundreds of files or tens of thousands of lines.</summary>
    internal static bool IsWide(CommitRecord commit) =>
        commit.Files.Count > WideFiles || commit.Files.Sum(f => (long)f.Additions + f.Deletions) > WideLines;

    private async Task<CommitLog> ReadAllAsync(CancellationToken cancellationToken)
    {
        var commits = new List<CommitRecord>();
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
            var commit = parsed.Count == 1 ? parsed[0] with { Files = entries.ToList() } : null;
            var small = commit is not null && ChangedLineReader.IsSmall(commit);
            if (patchFollows && patches is null && commit is not null && IsWide(commit))
            {
                commits.Add(commit);
                return new CommitLog(commits, StoppedEarly: true);
            }
            var builder = commit is not null && patches is { HasRoom: true } ? new PatchBuilder(PatchReader.MaxFileChars, PatchReader.MaxCommitChars) : null;
            var patch = patchFollows ? await ReadPatchAsync(small, builder, cancellationToken).ConfigureAwait(false) : null;
            if (builder is not null)
            {
                patches!.Add(commit!.Sha, builder.Finish(), builder.KeptChars);
            }
            if (commit is not null)
            {
                commits.Add(small ? commit with { Lines = ChangedLineReader.LinesOf(patch is null ? string.Empty : Encoding.UTF8.GetString(patch.WrittenSpan)) } : commit);
            }
        }
        return new CommitLog(commits, StoppedEarly: false);
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
        var entry = new ArrayBufferWriter<byte>();
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
            var tokens = GitLogParser.Tokenize(entry.WrittenSpan);
            var at = 0;
            if (!entries.Read(entry.WrittenSpan, tokens, ref at))
            {
                return false;
            }
        }
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
    /// <paramref name="keep"/> (null when not kept), and feeding them to <paramref name="builder"/> if any.</summary>
    private async Task<ArrayBufferWriter<byte>?> ReadPatchAsync(bool keep, PatchBuilder? builder, CancellationToken cancellationToken)
    {
        var kept = keep ? new ArrayBufferWriter<byte>() : null;
        var line = builder is null ? null : new ArrayBufferWriter<byte>();
        var inFileHeader = false;
        while (await reader.FillAsync(Lookahead, cancellationToken).ConfigureAwait(false) > 0 && !reader.StartsWith(Marker))
        {
            if (reader.StartsWith(FileStart))
            {
                inFileHeader = true;
            }
            else if (reader.StartsWith("@@"u8))
            {
                inFileHeader = false;
            }
            var limit = inFileHeader ? HeaderLineBytes : HunkLineBytes;
            if (builder is null || !PatchReader.TakesNextLine(builder, reader))
            {
                await reader.ConsumeAsync((byte)'\n', kept, limit, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var text = await PatchReader.AddNextLineAsync(builder, reader, line!, cancellationToken).ConfigureAwait(false);
            if (kept is not null)
            {
                kept.Write(text.Span[..Math.Min(text.Length, limit)]);
                kept.Write("\n"u8);
            }
        }
        return kept;
    }
}
