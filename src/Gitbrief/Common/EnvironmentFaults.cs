using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Gitbrief.Common;

/// <summary>Tells environment faults from bugs and words them for the user.</summary>
public static partial class EnvironmentFaults
{
    private const int NoSpace = 28;
    private const int ReadOnlyFileSystem = 30;
    private const int QuotaExceeded = 122;

    /// <summary>What kind of fault an I/O exception is, by its errno (the HResult .NET gives it on Unix) or its text.</summary>
    internal static DiskFault Classify(Exception e)
    {
        var text = e.Message;
        return e switch
        {
            _ when e.HResult is NoSpace or QuotaExceeded || text.Contains("No space left", StringComparison.OrdinalIgnoreCase)
                || text.Contains("quota exceeded", StringComparison.OrdinalIgnoreCase) || text.Contains("disk is full", StringComparison.OrdinalIgnoreCase)
                => DiskFault.Full,
            _ when e.HResult == ReadOnlyFileSystem || text.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase)
                => DiskFault.ReadOnly,
            UnauthorizedAccessException => DiskFault.Denied,
            _ => DiskFault.Other,
        };
    }

    /// <summary>One line for a failed write or read of <paramref name="path"/>, with what to do
    /// (<paramref name="remedy"/> names the option that moves it elsewhere, e.g. "--out").</summary>
    public static string Describe(Exception e, string path, string remedy) => Classify(e) switch
    {
        DiskFault.Full => $"cannot write {path}: the disk is full; free some space there or use another {remedy}",
        DiskFault.ReadOnly => $"cannot write {path}: the file system is read-only; remount it writable or use another {remedy}",
        DiskFault.Denied => $"cannot write {path}: permission denied; give this user access to it or use another {remedy}",
        _ => $"cannot write {path}: {Reason(e)}; check the disk or use another {remedy}",
    };

    /// <summary>A one-line description of any exception that is an environment fault (I/O, permission, socket), or null.</summary>
    public static string? DescribeAny(Exception e) => e switch
    {
        EnvironmentException => e.Message,
        SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } => $"{Reason(e)}: another program uses the port; stop it or choose another port",
        SocketException => Reason(e),
        IOException or UnauthorizedAccessException when Classify(e) != DiskFault.Other => Describe(e, PathIn(e.Message) ?? "a file", "directory"),
        IOException => SecretRedactor.Redact(e.Message.Split('\n', 2)[0].Trim()),
        _ => null,
    };

    /// <summary>The exception's own words without the path .NET appends (" : '/path'").</summary>
    private static string Reason(Exception e) => SecretRedactor.Redact(QuotedPath().Replace(e.Message.Split('\n', 2)[0].Trim(), "").Trim());

    private static string? PathIn(string message) => QuotedPath().Match(message) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"\s*:?\s*'(/[^']*)'")]
    private static partial Regex QuotedPath();
}
