using System.Text;

namespace Gitbrief.Store;

/// <summary>A rendered report kept in the store: the unit it is the report of, its format (md, json) and language
/// (zh, en), the path the output directory gives it (<c>YYYY/&lt;repo&gt;/DATE[.lang].md</c>, relative), its text as UTF-8
/// (the bytes of its file: a JSON report of a commit touching 20,000 files is megabytes, never made a string to be kept)
/// and the SHA-256 of those bytes.</summary>
internal sealed record StoredReport(
    WorkUnitKey Unit, string Format, string Language, string RelativePath, ReadOnlyMemory<byte> Content, string Hash, long RunId, DateTimeOffset UpdatedAt)
{
    /// <summary>The content decoded.</summary>
    public string Text => Encoding.UTF8.GetString(Content.Span);
}
