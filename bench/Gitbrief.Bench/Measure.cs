namespace Gitbrief.Bench;

/// <summary>The measured samples of one subject; the median is the figure reported.</summary>
internal sealed record Measurement(string Name, IReadOnlyList<TimeSpan> Samples)
{
    public TimeSpan Median
    {
        get
        {
            var sorted = Samples.Order().ToList();
            var middle = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public TimeSpan Min => Samples.Min();

    public TimeSpan Max => Samples.Max();
}

/// <summary>Repeats timed actions: one warm-up each, then <c>runs</c> rounds in which every subject
/// runs once, so slow drift of the machine (page cache, CPU frequency) affects all subjects alike.
/// Each action returns its own elapsed time, so set-up work it does (temporary directories) is not counted.</summary>
internal static class Measure
{
    public static async Task<IReadOnlyList<Measurement>> InterleavedAsync(
        int runs, params (string Name, Func<Task<TimeSpan>> Run)[] subjects)
    {
        foreach (var subject in subjects)
        {
            await subject.Run().ConfigureAwait(false);
        }
        var samples = subjects.Select(_ => new List<TimeSpan>(runs)).ToArray();
        for (var round = 0; round < runs; round++)
        {
            for (var s = 0; s < subjects.Length; s++)
            {
                samples[s].Add(await subjects[s].Run().ConfigureAwait(false));
            }
        }
        return subjects.Select((subject, s) => new Measurement(subject.Name, samples[s])).ToList();
    }

    /// <summary>Milliseconds, e.g. "42 ms" or "1,234 ms".</summary>
    public static string Format(TimeSpan elapsed) => Number(elapsed) + " ms";

    public static string Number(TimeSpan elapsed) => elapsed.TotalMilliseconds.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);
}
