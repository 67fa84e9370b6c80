using System.Buffers;
using System.Text.Json;
using Gitbrief.Output;

namespace Gitbrief.Site;

/// <summary>The site's memory of its last build, <c>.gitbrief-site.json</c> in the output directory: for every report
/// read, its size, modification time, SHA-256 and <see cref="DaySummary"/>; for every page that depends on whole
/// reports (day pages, "last 7 days" pages, search shards), the key of the inputs it was rendered from. A rebuild
/// reads again only the reports whose size or time changed (and re-renders only when their bytes did), and
/// re-renders a page only when its key changed or its file is gone. <see cref="Build"/> names the renderer and
/// the options: when either differs, every page is rendered again.</summary>
internal sealed record SiteManifest(string Build, IReadOnlyList<SiteManifestInput> Inputs, IReadOnlyDictionary<string, string> Pages)
{
    public const string FileName = ".gitbrief-site.json";

    public static SiteManifest Empty { get; } = new(string.Empty, [], new Dictionary<string, string>());

    /// <summary>The manifest of the last build, or <see cref="Empty"/> when there is none or it cannot be read
    /// (a damaged manifest only costs a full build).</summary>
    public static async Task<SiteManifest> LoadAsync(string outputDirectory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(outputDirectory, FileName);
        try
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            var manifest = JsonSerializer.Deserialize(bytes, SiteManifestContext.Default.SiteManifest);
            return manifest is { Build: not null, Inputs: not null, Pages: not null }
                && manifest.Inputs.All(i => i is { Path: not null, Hash: not null, Summary: { Stats: not null, Repository: not null, Highlights: not null, High: not null } })
                ? manifest
                : Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return Empty;
        }
    }

    public async Task SaveAsync(string outputDirectory, CancellationToken cancellationToken)
    {
        // Written as UTF-8 as it is serialized, with its newline: a site of hundreds of days has a manifest of some hundred
        // kilobytes, which a string and its encoded copy would each hold again.
        var output = new ArrayBufferWriter<byte>(64 << 10);
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = SiteManifestContext.Default.Options.Encoder }))
        {
            JsonSerializer.Serialize(writer, this, SiteManifestContext.Default.SiteManifest);
        }
        output.Write("\n"u8);
        await FileWriter.WriteAsync(Path.Combine(outputDirectory, FileName), output.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }
}

