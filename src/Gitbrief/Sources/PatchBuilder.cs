using System.Text;

namespace Gitbrief.Sources;

/// <summary>Splits a commit's unified diff, fed one line at a time, into file patches keyed by the new path (the old path
/// for deletions): each file's header lines, then its hunks. Hunks are kept while the file has kept fewer than
/// <paramref name="maxFileChars"/> characters of them and the commit fewer than <paramref name="maxCommitChars"/>; the
/// hunks past that are counted (<see cref="FilePatch.HunksLeftOut"/>), not kept, except the beginning of a file's first
/// hunk, kept up to the limit.</summary>
internal sealed class PatchBuilder(long maxFileChars = long.MaxValue, long maxCommitChars = long.MaxValue)
{

    private readonly Dictionary<string, FilePatch> patches = new(StringComparer.Ordinal);
    private StringBuilder? header;
    private readonly FileSectionPath section = new();
    private readonly List<string> hunks = [];
    private StringBuilder? hunk;
    private bool hunkHasBody;
    private bool inHunks;
    private int hunksLeftOut;
    private long fileChars;
    private long commitChars;

    /// <summary>Characters of hunks kept so far.</summary>
    public long KeptChars => commitChars;

    /// <summary>Whether the next line is kept if it is no file's or hunk's first line: false while a hunk is passed over.</summary>
    public bool KeepsLines => header is not null && (!inHunks || hunk is not null);

    /// <summary>Adds one line of the diff, without its line end.</summary>
    public void Add(string line)
    {
        if (line.StartsWith(FileSectionPath.FileStart, StringComparison.Ordinal))
        {
            FinishFile();
            header = new StringBuilder().Append(line).Append('\n');
            section.Start(line);
            return;
        }
        if (header is null)
        {
            return;
        }
        if (line.StartsWith("@@", StringComparison.Ordinal))
        {
            FinishHunk();
            inHunks = true;
            if (fileChars < maxFileChars && commitChars < maxCommitChars)
            {
                hunk = new StringBuilder();
                hunkHasBody = false;
                Append(line);
            }
            else
            {
                hunksLeftOut++;
            }
            return;
        }
        if (!inHunks)
        {
            ReadHeaderLine(line);
        }
        else if (hunk is not null)
        {
            Append(line);
            hunkHasBody = true;
        }
    }

    /// <summary>The file patches, in the diff's order.</summary>
    public IReadOnlyDictionary<string, FilePatch> Finish()
    {
        FinishFile();
        return patches;
    }

    private void Append(string line)
    {
        if (fileChars + line.Length + 1 > maxFileChars || commitChars + line.Length + 1 > maxCommitChars)
        {
            // The limit falls inside this hunk: its beginning is kept if nothing else of the file is, else it is left out.
            if (hunks.Count > 0 || !hunkHasBody)
            {
                hunk = null;
                hunksLeftOut++;
            }
            else
            {
                FinishHunk();
            }
            fileChars = maxFileChars;
            return;
        }
        hunk!.Append(line).Append('\n');
        fileChars += line.Length + 1;
        commitChars += line.Length + 1;
    }

    private void ReadHeaderLine(string line)
    {
        header!.Append(line).Append('\n');
        section.ReadHeaderLine(line);
    }

    private void FinishHunk()
    {
        if (hunk is not null)
        {
            hunks.Add(hunk.ToString());
            hunk = null;
        }
    }

    private void FinishFile()
    {
        FinishHunk();
        if (header is not null && section.Key is { } key)
        {
            patches.TryAdd(key, new FilePatch(key, header.ToString(), [.. hunks]) { HunksLeftOut = hunksLeftOut });
        }
        header = null;
        section.Clear();
        hunks.Clear();
        inHunks = false;
        hunksLeftOut = 0;
        fileChars = 0;
    }
}
