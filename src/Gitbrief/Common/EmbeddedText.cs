using System.Text;

namespace Gitbrief.Common;

/// <summary>Text files built into the library as resources (the rubric, the site's stylesheet and script), read as
/// UTF-8 with <c>\n</c> line ends whatever the checkout's were.</summary>
internal static class EmbeddedText
{
    public static string Read(string resourceName)
    {
        using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"the embedded resource {resourceName} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
