using Gitbrief.Sources;

namespace Gitbrief.Analysis;

/// <summary>A changed file with the role the classifier gave it.</summary>
internal sealed record ClassifiedFile(FileChange Change, FileRole Role)
{
    /// <summary>Whether its lines count toward the commit's size (not lockfiles, generated, vendored, binary).</summary>
    public bool IsMeaningful => Role is not (FileRole.Lockfile or FileRole.Generated or FileRole.Vendored or FileRole.Binary);

    /// <summary>A public API file of the product (an <c>__init__.py</c>, a header, a <c>.pyi</c>…), not one of its tests or
    /// docs: <c>tests/functional_tests/models/mistral/__init__.py</c> is no one's API.</summary>
    public bool IsPublicApi => OfTheProduct && SensitiveFiles.IsPublicApi(Change.Path);

    /// <summary>A migration, schema or public API file of the product (<see cref="SensitiveFiles.IsSensitive"/>), not of its
    /// tests or docs.</summary>
    public bool IsSensitive => OfTheProduct && SensitiveFiles.IsSensitive(Change.Path);

    /// <summary>Not one of the product's tests or docs.</summary>
    private bool OfTheProduct => Role is not (FileRole.Test or FileRole.Docs);
}
