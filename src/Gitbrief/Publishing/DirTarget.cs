using System.Text;
using Gitbrief.Configuration;
using Gitbrief.Output;

namespace Gitbrief.Publishing;

/// <summary><c>dir</c>: the report files in a directory, and the one place that writes report files. The report job
/// renders each report and has it written here to the output directory (<c>--out</c>); a <c>dir</c> target without
/// <c>path:</c> is that directory (nothing more to write), one with a path gets the same files there (same layout,
/// identical files untouched).</summary>
internal sealed class DirTarget(string id, string? path, IReadOnlyList<string> formats) : IPublishTarget
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public string Id => id;

    public string Kind => "dir";

    public static IPublishTarget Create(TargetSettings settings, PublishContext context)
    {
        var path = settings.String("path") is { } given ? Path.GetFullPath(given, Path.GetDirectoryName(context.OutputDirectory) ?? ".") : null;
        return new DirTarget(settings.Identity(path is null ? "dir" : "dir:" + path), path, context.Formats);
    }

    /// <summary>Writes a rendered report's files, one per format (<c>md</c>: the Markdown, <c>json</c>: the JSON), under
    /// <paramref name="directory"/> in the report layout (<see cref="ReportFileLayout"/>); returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        string directory, PublishedReport report, IReadOnlyList<string> formats, CancellationToken cancellationToken)
    {
        var files = new List<string>(formats.Count);
        foreach (var format in formats)
        {
            var file = Path.Combine(directory, report.RelativePath(format));
            await FileWriter.WriteAsync(file, format == "md" ? Utf8NoBom.GetBytes(report.Markdown) : report.Json, cancellationToken).ConfigureAwait(false);
            files.Add(file);
        }
        return files;
    }

    public Task<TargetOutcome> PublishAsync(PublishBatch batch, PublishLedger ledger, CancellationToken cancellationToken) =>
        ledger.DeliverEachAsync(Id, batch, async report =>
        {
            if (path is not null)
            {
                await WriteAsync(path, report, formats, cancellationToken).ConfigureAwait(false);
            }
            return path;
        }, cancellationToken);
}
