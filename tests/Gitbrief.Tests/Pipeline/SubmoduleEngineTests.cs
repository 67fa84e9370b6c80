using System.Text.Json;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Pipeline;

/// <summary>A bundled engine carried as a git submodule: moving its pointer changes no file of the repository but the
/// submodule's one "Subproject commit" line, and a reader must still see the engine upgrade as high.</summary>
public sealed class SubmoduleEngineTests : IDisposable
{
    private const string Day = "2026-06-01";

    private readonly ReportWorkspace workspace = new();
    private readonly TestRepository repo = TestRepository.Create("llama-py");

    public void Dispose()
    {
        repo.Dispose();
        workspace.Dispose();
    }

    /// <summary>Points the gitlink at <paramref name="path"/> to a revision (the submodule itself need not exist here).</summary>
    private void PointSubmodule(string path, char revision) =>
        repo.Git("update-index", "--add", "--cacheinfo", $"160000,{new string(revision, 40)},{path}");

    private static JsonElement Commit(JsonElement report, string sha) => ReportAssert.CommitBySha(report, sha);

    [Fact]
    public async Task Moving_the_engine_submodule_is_high_and_says_which_engine_but_a_test_suite_submodule_is_not()
    {
        repo.WriteLines("llama_cpp/llama.py", 40, "call =").WriteLines("CHANGELOG.md", 2, "- release");
        PointSubmodule("vendor/llama.cpp", 'a');
        PointSubmodule("vendor/ideep", 'c');
        PointSubmodule("tests/conformance-cases", 'c');
        repo.Commit("Initial bindings", "2026-05-20T09:00:00+00:00");

        PointSubmodule("vendor/llama.cpp", 'b');
        repo.Write("CHANGELOG.md", "- feat: Update llama.cpp to ggml-org/llama.cpp@bbbbbbb\n");
        var engine = repo.Commit("feat: update llama.cpp to bbbbbbbbb (#2235)", $"{Day}T09:00:00+00:00");
        PointSubmodule("vendor/ideep", 'd');
        var renamed = repo.Commit("bump oneDNN to v3.7.2 (#3582)", $"{Day}T10:00:00+00:00");
        PointSubmodule("tests/conformance-cases", 'e');
        var cases = repo.Commit("update conformance-cases to the latest revision", $"{Day}T11:00:00+00:00");
        PointSubmodule("vendor/ideep", 'e');
        repo.WriteLines("patches/webview.diff", 4, "+ patched =");
        var patched = repo.Commit("Update engine to 1.124.2 (#7846)", $"{Day}T12:00:00+00:00");

        var report = await workspace.ReportJsonAsync(repo, "llama-py", Day);

        Assert.Equal("high", Commit(report, engine).GetProperty("importance").GetString());
        Assert.Contains(Commit(report, engine).GetProperty("reasons").EnumerateArray(),
            r => r.GetProperty("code").GetString() == "engine" && r.GetProperty("detail").GetString() == "upgrades the bundled engine llama");
        Assert.Equal("high", Commit(report, renamed).GetProperty("importance").GetString());
        Assert.Equal("low", Commit(report, cases).GetProperty("importance").GetString());
        // The product's patches onto the engine move with it.
        Assert.Equal("high", Commit(report, patched).GetProperty("importance").GetString());
    }
}
