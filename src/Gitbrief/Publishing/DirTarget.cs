using System.Text;
using Gitbrief.Configuration;
using Gitbrief.Output;

namespace Gitbrief.Publishing;

/// <summary><c>dir</c>: the report files in a directory. Without <c>path:</c> it is the output directory the
/// report stage already wrote; with one, the files are copied there (same layout, identical files untouched).</summary>
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

    public Task<TargetOutcome> PublishAsync(PublishBatch batch, PublishLedger ledger, CancellationToken cancellationToken) =>
        ledger.DeliverEachAsync(Id, batch, async report =>
        {
            if (path is not null)
            {
                foreach (var format in formats)
                {
                    var file = Path.Combine(path, report.RelativePath(format));
                    await FileWriter.WriteAsync(file, Utf8NoBom.GetBytes(format == "md" ? report.Markdown : report.Json), cancellationToken).ConfigureAwait(false);
                }
            }
            return path;
        }, cancellationToken);
}
