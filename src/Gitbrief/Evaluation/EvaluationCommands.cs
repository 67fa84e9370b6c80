using Gitbrief.Configuration;
using Gitbrief.Reports;

namespace Gitbrief.Evaluation;

/// <summary>What <c>gitbrief eval</c> does, for the command line: the evaluation of a set as text, and the capture of a
/// repository-day into a set. The set, its labels and the evaluator stay inside the library.</summary>
public static class EvaluationCommands
{
    /// <summary>The rules (default weights) measured against the labelled set in <paramref name="dataDirectory"/>
    /// (labels/ and data/), as the text eval prints; every disagreement listed when asked.</summary>
    public static string Evaluate(string dataDirectory, bool disagreements) =>
        Evaluator.Evaluate(EvaluationSet.Load(dataDirectory), ImportanceWeights.Default).Format(disagreements);

    /// <summary>Captures the commits, changed-line samples and profile of <paramref name="repositoryName"/> on
    /// <paramref name="day"/> (in <paramref name="zone"/>) from the repository at <paramref name="repository"/> into
    /// data/OWNER__REPO/DATE.json under <paramref name="dataDirectory"/>; returns the file and the number of commits.</summary>
    public static async Task<(string Path, int Commits)> CaptureAsync(
        string repository, string repositoryName, DateOnly day, TimeZoneInfo zone, string dataDirectory, CancellationToken cancellationToken)
    {
        var captured = await DayCapture.CaptureAsync(repository, repositoryName, new ReportDay(day, zone), firstParent: false, cancellationToken)
            .ConfigureAwait(false);
        var path = Path.Combine(dataDirectory, "data", repositoryName.Replace("/", "__", StringComparison.Ordinal), captured.Date + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, DayCapture.Serialize(captured), DayCapture.Utf8NoBom, cancellationToken).ConfigureAwait(false);
        return (path, captured.Commits.Count);
    }
}
