using System.Globalization;
using System.Text;
using Gitbrief.Sources;

namespace Gitbrief.Analysis.Llm;

/// <summary>Packs a commit's diff into a token budget: lockfiles, generated, vendored and binary files are
/// left out; source goes before build/config, before tests, before docs and CI; a file too large for its
/// share is clipped by whole hunks; every file left out or clipped is named with the reason.</summary>
internal sealed class DiffPacker(TokenCounter counter)
{
    /// <summary>No single file may take more than this share of the budget while other files wait.</summary>
    private const double MaxShareOfOneFile = 0.5;

    /// <summary>Room kept for the "[clipped: …]" note of a file shown in part.</summary>
    private const int NoteTokens = 16;

    private const string OverBudget = "over the token budget";

    public PackedDiff Pack(IReadOnlyList<ClassifiedFile> files, IReadOnlyDictionary<string, FilePatch> patches, int budget)
    {
        var omitted = new List<OmittedFile>();
        var candidates = PatchesWorthShowing(files, patches, omitted);
        var text = new StringBuilder();
        var used = 0;
        for (var index = 0; index < candidates.Count; index++)
        {
            var (file, patch) = candidates[index];
            var share = ShareOfRemainingBudget(budget - used, othersWaiting: index < candidates.Count - 1);
            if (FitPatchInto(share, file.Change.Path, patch, omitted) is { } piece)
            {
                text.Append(piece.Text);
                used += piece.Tokens;
            }
        }
        return new PackedDiff(text.ToString(), used, omitted);
    }

    /// <summary>The files whose patch has hunks, most telling role first; every other file is named in
    /// <paramref name="omitted"/> with the reason (a rename or copy without changes needs no mention).</summary>
    private static List<(ClassifiedFile File, FilePatch Patch)> PatchesWorthShowing(
        IReadOnlyList<ClassifiedFile> files, IReadOnlyDictionary<string, FilePatch> patches, List<OmittedFile> omitted)
    {
        var candidates = new List<(ClassifiedFile File, FilePatch Patch)>();
        foreach (var file in files)
        {
            var path = file.Change.Path;
            if (!file.IsMeaningful || file.Change.Binary)
            {
                omitted.Add(new OmittedFile(path, RoleName(file.Role, file.Change.Binary)));
            }
            else if (patches.TryGetValue(path, out var patch) && patch.Hunks.Count > 0)
            {
                candidates.Add((file, patch));
            }
            else if (patch is { HunksLeftOut: > 0 })
            {
                // Past the part of a huge diff that was read at all.
                omitted.Add(new OmittedFile(path, OverBudget));
            }
            else if (file.Change.PatchUnavailable)
            {
                omitted.Add(new OmittedFile(path, "patch not provided by the API"));
            }
            else if (file.Change.Status is not (FileStatus.Renamed or FileStatus.Copied) || file.Change.Additions + file.Change.Deletions > 0)
            {
                omitted.Add(new OmittedFile(path, file.Change.Status == FileStatus.Deleted ? "deleted" : "no textual diff"));
            }
        }
        return candidates.OrderBy(c => Priority(c.File.Role)).ThenBy(c => c.File.Change.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>While other files wait, one file gets half of what remains (at least 400 tokens); the last gets all of it.</summary>
    private static int ShareOfRemainingBudget(int remaining, bool othersWaiting) =>
        othersWaiting ? (int)Math.Max(remaining * MaxShareOfOneFile, Math.Min(remaining, 400)) : remaining;

    /// <summary>The patch's header and as many whole hunks as fit in <paramref name="share"/> tokens (or the
    /// beginning of the first hunk when none fits), with a note when clipped; null when not even that fits.</summary>
    private (string Text, int Tokens)? FitPatchInto(int share, string path, FilePatch patch, List<OmittedFile> omitted)
    {
        var headerTokens = counter.Count(patch.Header);
        if (headerTokens + NoteTokens > share)
        {
            omitted.Add(new OmittedFile(path, OverBudget));
            return null;
        }
        var piece = new StringBuilder(patch.Header);
        var pieceTokens = headerTokens;
        var included = AppendWholeHunks(piece, ref pieceTokens, patch, share);
        if (included == 0)
        {
            var cut = BeginningOfFirstHunk(patch, room: share - pieceTokens - NoteTokens);
            if (cut.Length == 0)
            {
                omitted.Add(new OmittedFile(path, OverBudget));
                return null;
            }
            piece.Append(cut);
            pieceTokens += counter.Count(cut);
        }
        if (included < patch.HunkCount)
        {
            var note = string.Create(CultureInfo.InvariantCulture, $"[clipped: {patch.HunkCount - included} of {patch.HunkCount} hunks not shown]\n");
            piece.Append(note);
            pieceTokens += counter.Count(note);
            omitted.Add(new OmittedFile(path, string.Create(CultureInfo.InvariantCulture,
                $"clipped: {included} of {patch.HunkCount} hunks shown")));
        }
        return (piece.ToString(), pieceTokens);
    }

    /// <summary>Appends hunks in order while they fit; returns how many did.</summary>
    private int AppendWholeHunks(StringBuilder piece, ref int pieceTokens, FilePatch patch, int share)
    {
        var included = 0;
        foreach (var hunk in patch.Hunks)
        {
            var hunkTokens = counter.Count(hunk);
            // Unless this is the last hunk, keep room for the "[clipped: …]" note.
            var limit = included == patch.HunkCount - 1 ? share : share - NoteTokens;
            if (pieceTokens + hunkTokens > limit)
            {
                break;
            }
            piece.Append(hunk);
            pieceTokens += hunkTokens;
            included++;
        }
        return included;
    }

    /// <summary>Not even the first hunk fits: its beginning, cut at a line end (empty when no whole line fits).</summary>
    private string BeginningOfFirstHunk(FilePatch patch, int room)
    {
        var cut = counter.Truncate(patch.Hunks[0], room);
        var lineEnd = cut.LastIndexOf('\n');
        return lineEnd > 0 ? cut[..(lineEnd + 1)] : "";
    }

    private static int Priority(FileRole role) => role switch
    {
        FileRole.Source => 0,
        FileRole.Build or FileRole.DependencyManifest or FileRole.Config or FileRole.Other => 1,
        FileRole.Test => 2,
        _ => 3,
    };

    private static string RoleName(FileRole role, bool binary) => binary ? "binary" : role switch
    {
        FileRole.Lockfile => "lockfile",
        FileRole.Generated => "generated",
        FileRole.Vendored => "vendored",
        _ => "binary",
    };
}
