using System.Globalization;
using Gitbrief.Common;
using YamlDotNet.RepresentationModel;

namespace Gitbrief.Configuration.Schema;

/// <summary>The kinds of value a config key can hold, each with its description for the reference tables.</summary>
internal static class ConfigValues
{
    public static ConfigValue<string> Text { get; } = new("text", n => n.Reader.String(n.Node, n.Key));

    public static ConfigValue<bool> Bool { get; } = new("true / false", n => n.Reader.Bool(n.Node, n.Key));

    /// <summary>The name of an environment variable (a secret is never written in the file).</summary>
    public static ConfigValue<string> VariableName { get; } = Text.Described("environment variable name");

    public static ConfigValue<int> Int(int min, int max) =>
        new(Range("whole number", min, max), n => n.Reader.Int(n.Node, n.Key, min, max));

    public static ConfigValue<double> Number(double min, double max) =>
        new(Range("number", min, max), n => n.Reader.Number(n.Node, n.Key, min, max));

    public static ConfigValue<TimeSpan> Seconds(double min, double max) =>
        new(Range("seconds", min, max), n => TimeSpan.FromSeconds(n.Reader.Number(n.Node, n.Key, min, max)));

    /// <summary>One of <paramref name="choices"/>, in any case; the value is the choice as listed.</summary>
    public static ConfigValue<string> Choice(params string[] choices) =>
        new("one of " + string.Join(", ", choices), n => n.Reader.Choice(n.Node, n.Key, choices));

    /// <summary>A list of choices (a lone value is a list of one).</summary>
    public static ConfigValue<IReadOnlyList<string>> Choices(params string[] choices) =>
        new("list of " + string.Join(", ", choices),
            n => n.Reader.Sequence(n.Node, n.Key).Select(element => n.Reader.Choice(element, n.Key, choices)).ToList());

    /// <summary>A list given as a YAML sequence or as one comma-separated value; blank entries dropped.</summary>
    public static ConfigValue<IReadOnlyList<string>> TextList { get; } = new("list (or comma-separated text)", n => n.Node is YamlSequenceNode
        ? n.Reader.Sequence(n.Node, n.Key).Select(element => n.Reader.String(element, n.Key).Trim()).Where(s => s.Length > 0).ToList()
        : n.Reader.String(n.Node, n.Key).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>An http(s) URL without credentials (git would write them into a clone's config; tokens belong in
    /// the environment). Plain http only to this machine unless <paramref name="plainHttp"/>: a token or a signed
    /// message is sent to it. (An LLM endpoint on a private network may be plain http: the request resolver warns.)</summary>
    public static ConfigValue<string> Url(bool plainHttp = false) => Text.Then((n, text) =>
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw n.Fail($"'{n.Key}' must be an http(s) URL, not '{YamlNodeReader.Printable(SecretRedactor.Redact(text))}'");
        }
        if (UrlSecrecy.HasCredentials(uri))
        {
            throw n.Fail($"'{n.Key}' {UrlSecrecy.CredentialsProblem}");
        }
        return !plainHttp && UrlSecrecy.IsPlainHttpOffLoopback(uri) ? throw n.Fail($"'{n.Key}' {UrlSecrecy.PlainHttpProblem}") : text;
    }).Described(plainHttp ? "http(s) URL" : "https URL (http to this machine)");

    /// <summary>The store: a postgresql:// URL without a password (a password there is refused without repeating it),
    /// or the path of a SQLite file.</summary>
    public static ConfigValue<string> Store { get; } = Text.Then((n, text) =>
    {
        try
        {
            StoreLocation.Parse(text);
            return text.Trim();
        }
        catch (FormatException e)
        {
            throw n.Fail(e.Message);
        }
    }).Described("postgresql:// URL or SQLite file");

    /// <summary>An IANA time zone this machine knows (e.g. Asia/Shanghai).</summary>
    public static ConfigValue<string> TimeZone { get; } = Text.Then((n, text) => TimeZoneInfo.TryFindSystemTimeZoneById(text.Trim(), out _)
        ? text.Trim()
        : throw n.Fail($"unknown time zone '{YamlNodeReader.Printable(text.Trim())}' (use an IANA name such as Asia/Shanghai)")).Described("IANA time zone");

    private static string Range(string what, double min, double max) => max >= int.MaxValue
        ? string.Create(CultureInfo.InvariantCulture, $"{what}, ≥ {min}")
        : string.Create(CultureInfo.InvariantCulture, $"{what}, {min}–{max}");
}
