using System.Text;
using System.Text.Json;
using Gitbrief.Common;

namespace Gitbrief.Sources.GitHubApi;

/// <summary>Keeps the ETag and body of every successful GET under &lt;cache-dir&gt;/github-api/, one file per URL
/// (named by the URL's SHA-256), so the next run sends If-None-Match and a 304 — which GitHub does not count
/// against the rate limit — reuses the body. Only the URL, the ETag and the body are written: never a header
/// of the request. A damaged file is ignored (and replaced by the next answer).</summary>
internal sealed class ResponseCache(string directory)
{
    public string Directory { get; } = directory;

    public async Task<CachedResponse?> FindAsync(string url, CancellationToken cancellationToken)
    {
        var path = PathOf(url);
        try
        {
            await using var stream = File.OpenRead(path);
            var cached = await JsonSerializer.DeserializeAsync(stream, GitHubJsonContext.Default.CachedResponse, cancellationToken).ConfigureAwait(false);
            return cached is not null && cached.Url == url && cached.ETag.Length > 0 ? cached : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Writes the entry atomically (a temporary file renamed over the old one).</summary>
    public async Task SaveAsync(CachedResponse response, CancellationToken cancellationToken)
    {
        var path = PathOf(response.Url);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(response, GitHubJsonContext.Default.CachedResponse), cancellationToken)
                .ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The cache only saves requests: a full disk or a read-only cache never fails the report.
            TryDelete(temporary);
        }
    }

    private string PathOf(string url)
    {
        var hash = Sha256.HexOf(Encoding.UTF8.GetBytes(url));
        return Path.Combine(Directory, hash[..2], hash + ".json");
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
