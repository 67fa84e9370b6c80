using Gitbrief.Common;

namespace Gitbrief.Configuration;

/// <summary>A configuration error, reported as "file:line: what is wrong".</summary>
internal static class ConfigError
{
    public static UsageException At(string file, int line, string message) =>
        new($"{file}:{line.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {message}");
}
