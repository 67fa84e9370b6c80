using System.Collections.Concurrent;

namespace Gitbrief.Common;

/// <summary>Knows the secrets of this process (tokens, API keys) and removes them from any text
/// before it reaches a log, an error message, a report or a file.</summary>
public static class SecretRedactor
{
    private const string Mask = "***";
    private static readonly ConcurrentDictionary<string, byte> Secrets = new(StringComparer.Ordinal);

    /// <summary>Registers a secret; values shorter than 4 characters are ignored (too short to scrub safely).</summary>
    public static void Register(string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && secret.Length >= 4)
        {
            Secrets.TryAdd(secret, 0);
        }
    }

    public static string Redact(string text)
    {
        foreach (var secret in Secrets.Keys.OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        return text;
    }
}
