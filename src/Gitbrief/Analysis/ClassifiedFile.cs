using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>A changed file with the role the classifier gave it.</summary>
internal sealed record ClassifiedFile(FileChange Change, FileRole Role)
{
    /// <summary>Whether its lines count toward the commit's size (not lockfiles, generated, vendored, binary).</summary>
    public bool IsMeaningful => Role is not (FileRole.Lockfile or FileRole.Generated or FileRole.Vendored or FileRole.Binary);

    /// <summary>A public API file of the product (an <c>__init__.py</c>, a header, a <c>.pyi</c>…), not one of its tests,
    /// docs or examples: <c>tests/functional_tests/models/mistral/__init__.py</c> is no one's API.</summary>
    public bool IsPublicApi => SensitiveFiles.IsPublicApi(Change.Path) && OfTheProduct;

    /// <summary>A migration, schema or public API file of the product (<see cref="SensitiveFiles.IsSensitive"/>), not of its
    /// tests or docs.</summary>
    public bool IsSensitive => SensitiveFiles.IsSensitive(Change.Path) && OfTheProduct;

    /// <summary>Not one of the product's tests, docs or examples (<c>examples/ai-e2e-next/app/api/chat/route.ts</c> shows a
    /// use of the API, it is none).</summary>
    private bool OfTheProduct => Role is not (FileRole.Test or FileRole.Docs) && !CommitSignals.InExampleFolder(Change.Path);
}
