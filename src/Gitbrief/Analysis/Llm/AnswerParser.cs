using System.Globalization;
using System.Text.Json;

namespace Gitbrief.Analysis.Llm;

/// <summary>Turns an LLM reply into a validated <see cref="LlmAnswer"/>. Tolerant of what real endpoints
/// return (code fences, prose around the JSON, strings where objects were asked, unknown keys), strict
/// about what matters (a JSON object with a non-empty summary). Everything from the model is untrusted text.</summary>
internal static class AnswerParser
{
    private const int MaxItems = 5;
    private const int MaxInsights = 3;
    private const int MaxItemLength = 600;
    private const int MaxReasonLength = 200;

    /// <summary>The first complete JSON object in <paramref name="reply"/>, or null.</summary>
    public static string? ExtractJsonObject(string reply)
    {
        for (var start = reply.IndexOf('{'); start >= 0; start = reply.IndexOf('{', start + 1))
        {
            var end = MatchingBrace(reply, start);
            if (end < 0)
            {
                // An unmatched brace in prose before the real object: try the next one.
                continue;
            }
            var candidate = reply[start..(end + 1)];
            try
            {
                using var _ = JsonDocument.Parse(candidate);
                return candidate;
            }
            catch (JsonException)
            {
                // Prose with a stray brace before the real object: keep looking.
            }
        }
        return null;
    }

    public static bool TryParse(string reply, out LlmAnswer? answer, out string error)
    {
        answer = null;
        var json = ExtractJsonObject(reply);
        if (json is null)
        {
            error = reply.Contains('{', StringComparison.Ordinal) ? "the JSON object is incomplete or invalid" : "no JSON object in the reply";
            return false;
        }
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var summary = Strings(root, "summary", MaxItems);
        if (summary.Count == 0)
        {
            error = "\"summary\" is missing or empty";
            return false;
        }
        var insights = Property(root, "insights") ?? Property(root, "technicalInsights");
        answer = new LlmAnswer
        {
            ChangeTypes = Strings(root, "changeTypes", 8).Select(ParseChangeType).OfType<ChangeType>().Distinct().ToList(),
            Importance = ParseLevel(Property(root, "importance") is { ValueKind: JsonValueKind.String } level ? level.GetString() : null),
            ImportanceReason = (Property(root, "importanceReason") ?? Property(root, "importance_reason")) is { } why
                && Bound(Text(why), MaxReasonLength) is { Length: > 0 } reason
                    ? reason
                    : null,
            Summary = summary,
            Impact = Strings(root, "impact", MaxItems),
            Architecture = Insights(insights, "architecture"),
            Performance = Insights(insights, "performance"),
            Security = Insights(insights, "security"),
            Risks = Strings(root, "risks", MaxItems),
            Recommendations = Strings(root, "recommendations", MaxItems),
        };
        error = "";
        return true;
    }

    /// <summary>The highlights of a day: 3–5 strings under "highlights".</summary>
    public static bool TryParseHighlights(string reply, out IReadOnlyList<string> highlights, out string error)
    {
        highlights = [];
        var json = ExtractJsonObject(reply);
        if (json is null)
        {
            error = "no JSON object in the reply";
            return false;
        }
        using var document = JsonDocument.Parse(json);
        highlights = Strings(document.RootElement, "highlights", MaxItems);
        error = highlights.Count == 0 ? "\"highlights\" is missing or empty" : "";
        return highlights.Count > 0;
    }

    private static int MatchingBrace(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
                continue;
            }
            switch (c)
            {
                case '"': inString = true; break;
                case '{': depth++; break;
                case '}' when --depth == 0: return i;
            }
        }
        return -1;
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }

    private static List<string> Strings(JsonElement element, string name, int max) =>
        Property(element, name) is { } value ? Items(value).Select(Text).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Take(max).ToList() : [];

    /// <summary>An array's items, or a single value as a one-item list.</summary>
    private static IEnumerable<JsonElement> Items(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [value];

    private static List<Insight> Insights(JsonElement? insights, string aspect)
    {
        if (insights is not { } container || Property(container, aspect) is not { } value)
        {
            return [];
        }
        var list = new List<Insight>();
        foreach (var item in Items(value))
        {
            var text = item.ValueKind == JsonValueKind.Object ? (Property(item, "text") is { } t ? Text(t) : "") : Text(item);
            var severity = item.ValueKind == JsonValueKind.Object && Property(item, "severity") is { ValueKind: JsonValueKind.String } s
                ? ParseLevel(s.GetString())
                : null;
            if (text.Length > 0 && list.Count < MaxInsights)
            {
                list.Add(new Insight(text, severity?.ToString().ToLowerInvariant()));
            }
        }
        return list;
    }

    /// <summary>A string value cleaned for display: control characters removed, whitespace collapsed,
    /// bounded in length at a sentence or word end.</summary>
    private static string Text(JsonElement value)
    {
        var raw = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => "",
        };
        var text = Common.PlainText.Fold(raw);
        return Placeholder.Is(text) ? string.Empty : Bound(Common.SecretRedactor.Redact(text), MaxItemLength);
    }

    private static string Bound(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text[..max];
        var sentence = cut.LastIndexOfAny(['.', '。', '!', '！', '?', '？', ';', '；']);
        if (sentence > max / 2)
        {
            return cut[..(sentence + 1)];
        }
        var word = cut.LastIndexOf(' ');
        return (word > max / 2 ? cut[..word] : new StringInfo(cut).SubstringByTextElements(0, new StringInfo(cut).LengthInTextElements - 1)) + "…";
    }

    private static ImportanceLevel? ParseLevel(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "high" or "高" => ImportanceLevel.High,
        "medium" or "中" => ImportanceLevel.Medium,
        "low" or "低" => ImportanceLevel.Low,
        _ => null,
    };

    private static ChangeType? ParseChangeType(string text) => text.Trim().ToLowerInvariant().Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) switch
    {
        "feature" or "feat" or "enhancement" => ChangeType.Feature,
        "fix" or "bugfix" or "bug" => ChangeType.Fix,
        "performance" or "perf" => ChangeType.Performance,
        "refactor" or "refactoring" or "architecture" => ChangeType.Refactor,
        "docs" or "documentation" or "doc" => ChangeType.Docs,
        "test" or "tests" => ChangeType.Test,
        "ci" => ChangeType.CI,
        "build" => ChangeType.Build,
        "dependencies" or "deps" or "dependency" => ChangeType.Dependencies,
        "config" or "configuration" => ChangeType.Config,
        "style" => ChangeType.Style,
        "chore" => ChangeType.Chore,
        "revert" => ChangeType.Revert,
        "security" => ChangeType.Security,
        "breaking" or "breakingchange" => ChangeType.Breaking,
        "other" => ChangeType.Other,
        _ => null,
    };
}
