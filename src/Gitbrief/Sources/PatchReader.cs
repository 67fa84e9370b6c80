using System.Buffers;
using System.Text;

namespace Gitbrief.Sources;

/// <summary>Reads the patch of one commit (against its first parent) and splits it per file and per hunk.
/// Only the LLM analyzer needs patches, and only for commits it has not analysed before. The diff is read as git writes
/// it and only a bounded part is kept (<see cref="MaxFileChars"/> per file, <see cref="MaxCommitChars"/> per commit,
/// far more than a prompt can show): a commit with a diff of hundreds of megabytes is never held whole.</summary>
internal static class PatchReader
{
    /// <summary>Characters of hunks kept per file: over 250,000 tokens, more than any prompt's budget gives one file.</summary>
    public const int MaxFileChars = 1 << 20;

    /// <summary>Characters of hunks kept per commit; the files past it are named with their hunks left out.</summary>
    public const int MaxCommitChars = 8 << 20;

    private static ReadOnlySpan<byte> FileStart => "diff --git "u8;

    public static async Task<IReadOnlyDictionary<string, FilePatch>> ReadAsync(string gitDirectory, string sha, CancellationToken cancellationToken)
    {
        var patches = await GitCommand.StreamAsync(
            gitDirectory,
            ["-c", "core.quotepath=false", "show", "--format=", "--no-color", "--no-ext-diff", "--no-textconv", "-p", "-M",
             "--src-prefix=a/", "--dst-prefix=b/", "--diff-merges=first-parent", sha, "--"],
            ReadClippedAsync,
            cancellationToken).ConfigureAwait(false);
        return patches!;
    }

    /// <summary>Reads a diff line by line into a <see cref="PatchBuilder"/>; the lines it does not keep are passed over
    /// without being copied, and no line is copied beyond <see cref="MaxFileChars"/> bytes.</summary>
    internal static async Task<IReadOnlyDictionary<string, FilePatch>> ReadClippedAsync(Stream output, CancellationToken cancellationToken)
    {
        var reader = new GitOutputReader(output);
        var builder = new PatchBuilder(MaxFileChars, MaxCommitChars);
        var line = new ArrayBufferWriter<byte>();
        while (await reader.FillAsync(FileStart.Length, cancellationToken).ConfigureAwait(false) > 0)
        {
            if (!TakesNextLine(builder, reader))
            {
                await reader.ConsumeAsync((byte)'\n', null, 0, cancellationToken).ConfigureAwait(false);
                continue;
            }
            await AddNextLineAsync(builder, reader, line, cancellationToken).ConfigureAwait(false);
        }
        return builder.Finish();
    }

    /// <summary>Whether the line <paramref name="reader"/> is at goes to <paramref name="builder"/>: a file's or a hunk's
    /// first line, or a line of what the builder keeps.</summary>
    internal static bool TakesNextLine(PatchBuilder builder, GitOutputReader reader) =>
        builder.KeepsLines || reader.StartsWith(FileStart) || reader.StartsWith("@@"u8);

    /// <summary>Reads the next line (at most <see cref="MaxFileChars"/> bytes of it) into <paramref name="line"/>, adds it to
    /// <paramref name="builder"/> and returns it without its line end.</summary>
    internal static async Task<ReadOnlyMemory<byte>> AddNextLineAsync(
        PatchBuilder builder, GitOutputReader reader, ArrayBufferWriter<byte> line, CancellationToken cancellationToken)
    {
        line.ResetWrittenCount();
        await reader.ConsumeAsync((byte)'\n', line, MaxFileChars, cancellationToken).ConfigureAwait(false);
        var text = line.WrittenSpan.EndsWith("\n"u8) ? line.WrittenMemory[..^1] : line.WrittenMemory;
        builder.Add(Encoding.UTF8.GetString(text.Span));
        return text;
    }

    /// <summary>Splits <c>git show -p</c> output into file patches keyed by the new path (old path for deletions).</summary>
    public static IReadOnlyDictionary<string, FilePatch> Parse(string text)
    {
        var builder = new PatchBuilder();
        var lines = text.Split('\n');
        // The final line end does not start another (empty) line of the last hunk.
        foreach (var line in text.EndsWith('\n') ? lines[..^1] : lines)
        {
            builder.Add(line);
        }
        return builder.Finish();
    }
}
