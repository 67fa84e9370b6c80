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

    public PackedDiff Pack(IReadOnlyList<ClassifiedFile> files, IReadOnlyDictionary<string, FilePatch> patches, int budget)
    {
        var omitted = new List<OmittedFile>();
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
            else if (file.Change.PatchUnavailable)
            {
                omitted.Add(new OmittedFile(path, "patch not provided by the API"));
            }
            else if (file.Change.Status is not (FileStatus.Renamed or FileStatus.Copied) || file.Change.Additions + file.Change.Deletions > 0)
            {
                omitted.Add(new OmittedFile(path, file.Change.Status == FileStatus.Deleted ? "deleted" : "no textual diff"));
            }
        }

        var ordered = candidates.OrderBy(c => Priority(c.File.Role)).ThenBy(c => c.File.Change.Path, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        var used = 0;
        for (var index = 0; index < ordered.Count; index++)
        {
            var (file, patch) = ordered[index];
            var remaining = budget - used;
            var othersWaiting = index < ordered.Count - 1;
            var share = othersWaiting ? (int)Math.Max(remaining * MaxShareOfOneFile, Math.Min(remaining, 400)) : remaining;
            var headerTokens = counter.Count(patch.Header);
            if (headerTokens + NoteTokens > share)
            {
                omitted.Add(new OmittedFile(file.Change.Path, "over the token budget"));
                continue;
            }
            var piece = new StringBuilder(patch.Header);
            var pieceTokens = headerTokens;
            var included = 0;
            foreach (var hunk in patch.Hunks)
            {
                var hunkTokens = counter.Count(hunk);
                // Unless this is the last hunk, keep room for the "[clipped: …]" note.
                var limit = included == patch.Hunks.Count - 1 ? share : share - NoteTokens;
                if (pieceTokens + hunkTokens > limit)
                {
                    break;
                }
                piece.Append(hunk);
                pieceTokens += hunkTokens;
                included++;
            }
            if (included == 0)
            {
                // Not even the first hunk fits: show its beginning, cut at a line end.
                var room = share - pieceTokens - NoteTokens;
                var cut = counter.Truncate(patch.Hunks[0], room);
                var lineEnd = cut.LastIndexOf('\n');
                cut = lineEnd > 0 ? cut[..(lineEnd + 1)] : "";
                if (cut.Length == 0)
                {
                    omitted.Add(new OmittedFile(file.Change.Path, "over the token budget"));
                    continue;
                }
                piece.Append(cut);
                pieceTokens += counter.Count(cut);
            }
            if (included < patch.Hunks.Count)
            {
                var note = string.Create(CultureInfo.InvariantCulture, $"[clipped: {patch.Hunks.Count - included} of {patch.Hunks.Count} hunks not shown]\n");
                piece.Append(note);
                pieceTokens += counter.Count(note);
                omitted.Add(new OmittedFile(file.Change.Path, string.Create(CultureInfo.InvariantCulture,
                    $"clipped: {included} of {patch.Hunks.Count} hunks shown")));
            }
            text.Append(piece);
            used += pieceTokens;
        }
        return new PackedDiff(text.ToString(), used, omitted);
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
