using System.Globalization;
using System.Text;
using Gitbrief.Analysis;
using Gitbrief.Analysis.Llm;
using Gitbrief.Sources;

namespace Gitbrief.Tests.Llm.Units;

public sealed class DiffPackerTests
{
    private static readonly DiffPacker Packer = new(TokenCounter.Default);

    [Fact]
    public void LockfilesGeneratedVendoredAndBinaryFilesAreLeftOutWithTheirReason()
    {
        var files = new List<ClassifiedFile>
        {
            File("src/app.cs", FileRole.Source),
            File("package-lock.json", FileRole.Lockfile),
            File("gen/api.g.cs", FileRole.Generated),
            File("vendor/lib.js", FileRole.Vendored),
            File("assets/logo.png", FileRole.Binary, binary: true),
            File("data/blob.dat", FileRole.Other, binary: true),
        };
        var patches = files.ToDictionary(f => f.Change.Path, f => Patch(f.Change.Path, hunks: 2));

        var packed = Packer.Pack(files, patches, 10_000);

        Assert.Contains(Marker("src/app.cs"), packed.Text, StringComparison.Ordinal);
        foreach (var path in files.Skip(1).Select(f => f.Change.Path))
        {
            Assert.DoesNotContain(Marker(path), packed.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("a/" + path, packed.Text, StringComparison.Ordinal);
        }
        Assert.Equal(
            [
                new OmittedFile("package-lock.json", "lockfile"),
                new OmittedFile("gen/api.g.cs", "generated"),
                new OmittedFile("vendor/lib.js", "vendored"),
                new OmittedFile("assets/logo.png", "binary"),
                new OmittedFile("data/blob.dat", "binary"),
            ],
            packed.Omitted);
    }

    [Fact]
    public void FilesWithoutAPatchAreListed()
    {
        var files = new List<ClassifiedFile>
        {
            File("src/kept.cs", FileRole.Source),
            File("src/nopatch.cs", FileRole.Source),
            File("src/gone.cs", FileRole.Source, status: FileStatus.Deleted),
            File("src/empty-hunks.cs", FileRole.Source),
        };
        var patches = new Dictionary<string, FilePatch>
        {
            ["src/kept.cs"] = Patch("src/kept.cs", 1),
            ["src/empty-hunks.cs"] = new("src/empty-hunks.cs", "diff --git a/src/empty-hunks.cs b/src/empty-hunks.cs\nold mode 100644\nnew mode 100755\n", []),
        };

        var packed = Packer.Pack(files, patches, 10_000);

        Assert.Equal(
            [
                new OmittedFile("src/nopatch.cs", "no textual diff"),
                new OmittedFile("src/gone.cs", "deleted"),
                new OmittedFile("src/empty-hunks.cs", "no textual diff"),
            ],
            packed.Omitted);
    }

    [Fact]
    public void SourceComesBeforeBuildAndConfigBeforeTestsBeforeDocs()
    {
        var files = new List<ClassifiedFile>
        {
            File("README.md", FileRole.Docs),
            File(".github/workflows/ci.yml", FileRole.CI),
            File("tests/AppTests.cs", FileRole.Test),
            File("settings.yml", FileRole.Config),
            File("build.gradle", FileRole.Build),
            File("zzz/app.cs", FileRole.Source),
            File("aaa/lib.cs", FileRole.Source),
        };
        var patches = files.ToDictionary(f => f.Change.Path, f => Patch(f.Change.Path, hunks: 1));

        var packed = Packer.Pack(files, patches, 50_000);

        Assert.Empty(packed.Omitted);
        var order = files.Select(f => f.Change.Path).OrderBy(p => packed.Text.IndexOf("diff --git a/" + p + " ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["aaa/lib.cs", "zzz/app.cs", "build.gradle", "settings.yml", "tests/AppTests.cs", ".github/workflows/ci.yml", "README.md"], order);
        Assert.All(files, f => Assert.Contains("diff --git a/" + f.Change.Path + " ", packed.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void AHugeSingleFileIsClippedByWholeHunksWithANote()
    {
        var file = File("src/huge.cs", FileRole.Source);
        var patch = Patch("src/huge.cs", hunks: 60, linesPerHunk: 12);
        var budget = 1_500;

        var packed = Packer.Pack([file], new Dictionary<string, FilePatch> { [file.Change.Path] = patch }, budget);

        var omitted = Assert.Single(packed.Omitted);
        Assert.Equal("src/huge.cs", omitted.Path);
        var shown = int.Parse(omitted.Reason.Split(' ')[1], CultureInfo.InvariantCulture);
        Assert.Equal($"clipped: {shown} of 60 hunks shown", omitted.Reason);
        Assert.InRange(shown, 1, 59);
        var expected = patch.Header + string.Concat(patch.Hunks.Take(shown)) + $"[clipped: {60 - shown} of 60 hunks not shown]\n";
        Assert.Equal(expected, packed.Text);
        Assert.True(packed.Tokens <= budget, $"{packed.Tokens} tokens > {budget}");
    }

    [Fact]
    public void TheClipNoteNeverPushesAFileOverTheBudget()
    {
        var file = File("src/small-hunks.cs", FileRole.Source);
        var patch = new FilePatch(
            "src/small-hunks.cs",
            "diff --git a/src/small-hunks.cs b/src/small-hunks.cs\n--- a/src/small-hunks.cs\n+++ b/src/small-hunks.cs\n",
            Enumerable.Range(0, 50).Select(h => $"@@ -{h},3 +{h},4 @@\n+x{h}\n a\n").ToList());
        var patches = new Dictionary<string, FilePatch> { [file.Change.Path] = patch };

        for (var budget = 0; budget <= 600; budget++)
        {
            var packed = Packer.Pack([file], patches, budget);

            Assert.True(packed.Tokens <= budget, $"budget {budget}: {packed.Tokens} tokens");
            Assert.True(TokenCounter.Default.Count(packed.Text) <= budget, $"budget {budget}: text over");
            Assert.True(packed.Text.Length > 0 || packed.Omitted.Count == 1, $"budget {budget}: file lost");
        }
    }

    [Fact]
    public void AFileWhoseFirstHunkIsTooLargeShowsItsBeginningCutAtALineEnd()
    {
        var file = File("src/one-hunk.cs", FileRole.Source);
        var patch = Patch("src/one-hunk.cs", hunks: 1, linesPerHunk: 400);
        var budget = 300;

        var packed = Packer.Pack([file], new Dictionary<string, FilePatch> { [file.Change.Path] = patch }, budget);

        Assert.StartsWith(patch.Header + "@@ ", packed.Text, StringComparison.Ordinal);
        Assert.EndsWith("\n[clipped: 1 of 1 hunks not shown]\n", packed.Text, StringComparison.Ordinal);
        var shownPart = packed.Text[patch.Header.Length..packed.Text.IndexOf("[clipped:", StringComparison.Ordinal)];
        Assert.StartsWith(shownPart, patch.Hunks[0], StringComparison.Ordinal);
        Assert.EndsWith("\n", shownPart, StringComparison.Ordinal);
        Assert.Equal([new OmittedFile("src/one-hunk.cs", "clipped: 0 of 1 hunks shown")], packed.Omitted);
        Assert.True(packed.Tokens <= budget, $"{packed.Tokens} tokens > {budget}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(200)]
    [InlineData(1_000)]
    [InlineData(5_000)]
    [InlineData(20_000)]
    public void ALargeCommitStaysWithinTheBudgetAndLosesNoFile(int budget)
    {
        var (files, patches) = LargeCommit();

        var packed = Packer.Pack(files, patches, budget);

        Assert.True(packed.Tokens <= budget, $"{packed.Tokens} tokens > {budget}");
        var counted = TokenCounter.Default.Count(packed.Text);
        Assert.True(counted <= budget, $"text counts {counted} tokens > {budget}");
        foreach (var file in files)
        {
            var path = file.Change.Path;
            var inText = packed.Text.Contains("diff --git a/" + path + " b/", StringComparison.Ordinal);
            var listed = packed.Omitted.Any(o => o.Path == path);
            Assert.True(inText || listed, $"{path} is neither in the text nor listed as omitted");
            if (!file.IsMeaningful)
            {
                Assert.False(inText, $"{path} ({file.Role}) must never be in the text");
                Assert.True(listed);
            }
        }
        Assert.All(packed.Omitted, o => Assert.False(string.IsNullOrWhiteSpace(o.Reason)));
    }

    [Fact]
    public void WithAGenerousBudgetEveryMeaningfulFileIsWhole()
    {
        var (files, patches) = LargeCommit();

        var packed = Packer.Pack(files, patches, 1_000_000);

        foreach (var file in files.Where(f => f.IsMeaningful && !f.Change.Binary))
        {
            Assert.Contains(patches[file.Change.Path].Text, packed.Text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("[clipped:", packed.Text, StringComparison.Ordinal);
        Assert.All(packed.Omitted, o => Assert.Contains(o.Reason, new[] { "lockfile", "generated", "vendored", "binary" }));
    }

    /// <summary>40 files of every role, with patches from one small hunk to one hundred large ones.</summary>
    private static (List<ClassifiedFile> Files, Dictionary<string, FilePatch> Patches) LargeCommit()
    {
        var roles = Enum.GetValues<FileRole>();
        var files = new List<ClassifiedFile>();
        var patches = new Dictionary<string, FilePatch>(StringComparer.Ordinal);
        for (var i = 0; i < 40; i++)
        {
            var role = roles[i % roles.Length];
            var path = $"{role.ToString().ToLowerInvariant()}/file{i:D2}.txt";
            var file = File(path, role, binary: role == FileRole.Binary);
            files.Add(file);
            patches[path] = Patch(path, hunks: 1 + (i * 7 % 100), linesPerHunk: 3 + (i % 5 * 10));
        }
        return (files, patches);
    }

    private static ClassifiedFile File(string path, FileRole role, bool binary = false, FileStatus status = FileStatus.Modified) =>
        new(new FileChange(path, null, status, binary ? 0 : 10, binary ? 0 : 2, binary), role);

    private static string Marker(string path) => "content-of-" + path;

    private static FilePatch Patch(string path, int hunks, int linesPerHunk = 4)
    {
        var header = $"diff --git a/{path} b/{path}\nindex 1111111..2222222 100644\n--- a/{path}\n+++ b/{path}\n";
        var list = new List<string>();
        for (var h = 0; h < hunks; h++)
        {
            var start = 1 + (h * 100);
            var hunk = new StringBuilder().Append(CultureInfo.InvariantCulture, $"@@ -{start},{linesPerHunk} +{start},{linesPerHunk + 1} @@ class Section{h}\n");
            hunk.Append(CultureInfo.InvariantCulture, $"+// {Marker(path)} hunk {h}\n");
            for (var l = 0; l < linesPerHunk; l++)
            {
                hunk.Append(CultureInfo.InvariantCulture, $"{(l % 3 == 0 ? '-' : ' ')}    var value{l} = Compute(\"{path}\", {h}, {l}); // line {l}\n");
            }
            list.Add(hunk.ToString());
        }
        return new FilePatch(path, header, list);
    }
}
