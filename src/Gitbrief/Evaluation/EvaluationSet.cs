using System.Text.Json;
using Gitbrief.Common;

namespace Gitbrief.Evaluation;

/// <summary>An evaluation set on disk: <c>labels/&lt;owner&gt;__&lt;repo&gt;.jsonl</c> (hand labels),
/// <c>data/&lt;owner&gt;__&lt;repo&gt;/&lt;date&gt;.json</c> (captured days) and, when someone labelled the set a second
/// time without seeing the first labels, <c>labels-second/</c> in the same format (how far two labellers agree).</summary>
internal sealed record EvaluationSet(
    IReadOnlyList<CapturedDay> Days, IReadOnlyDictionary<string, EvaluationLabel> Labels, IReadOnlyDictionary<string, EvaluationLabel> SecondLabels)
{
    /// <summary>Several sets pooled into one (<c>gitbrief eval --data eval/holdout*</c>): their days and labels together, as
    /// if one set held them all.</summary>
    public static EvaluationSet Load(IReadOnlyList<string> directories)
    {
        var sets = directories.Select(Load).ToList();
        return new EvaluationSet(
            [.. sets.SelectMany(s => s.Days)],
            Pooled(sets.Select(s => s.Labels)),
            Pooled(sets.Select(s => s.SecondLabels)));
    }

    private static Dictionary<string, EvaluationLabel> Pooled(IEnumerable<IReadOnlyDictionary<string, EvaluationLabel>> labels)
    {
        var pooled = new Dictionary<string, EvaluationLabel>(StringComparer.Ordinal);
        foreach (var (sha, label) in labels.SelectMany(l => l))
        {
            pooled[sha] = label;
        }
        return pooled;
    }

    public static EvaluationSet Load(string directory)
    {
        var labelsDirectory = Path.Combine(directory, "labels");
        var dataDirectory = Path.Combine(directory, "data");
        if (!Directory.Exists(labelsDirectory) || !Directory.Exists(dataDirectory))
        {
            throw new UsageException($"{directory}: not an evaluation set (expected labels/ and data/)");
        }
        var second = Path.Combine(directory, "labels-second");
        var days = Directory.EnumerateFiles(dataDirectory, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => Parse(File.ReadAllText(file), EvaluationJsonContext.Default.CapturedDay, file, null))
            .ToList();
        return new EvaluationSet(days, LoadLabels(labelsDirectory), Directory.Exists(second) ? LoadLabels(second) : new Dictionary<string, EvaluationLabel>());
    }

    private static Dictionary<string, EvaluationLabel> LoadLabels(string labelsDirectory)
    {
        var labels = new Dictionary<string, EvaluationLabel>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(labelsDirectory, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (line.Trim().Length == 0)
                {
                    continue;
                }
                var label = Parse(line, EvaluationJsonContext.Default.EvaluationLabel, file, number);
                if (label.Level is not ("high" or "medium" or "low"))
                {
                    throw new UsageException($"{file}:{number}: level must be high, medium or low, not '{label.Level}'");
                }
                labels[label.Sha] = label;
            }
        }
        return labels;
    }

    private static T Parse<T>(string text, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string file, int? line)
    {
        try
        {
            return JsonSerializer.Deserialize(text, type) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new UsageException($"{file}{(line is { } n ? ":" + n : string.Empty)}: {e.Message}");
        }
    }
}
