namespace Gitbrief.Store;

/// <summary>A rendered report kept in the store: the unit it is the report of, its format (md, json) and language
/// (zh, en), the path the output directory gives it (<c>YYYY/&lt;repo&gt;/DATE[.lang].md</c>, relative), its text and
/// the SHA-256 of that text.</summary>
internal sealed record StoredReport(
    WorkUnitKey Unit, string Format, string Language, string RelativePath, string Content, string Hash, long RunId, DateTimeOffset UpdatedAt);
