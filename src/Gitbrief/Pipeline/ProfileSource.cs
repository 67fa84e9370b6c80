using System.Reflection;
using System.Text.Json;
using Gitbrief.Analysis;
using Gitbrief.Analysis.Llm;
using Gitbrief.Common;
using Gitbrief.Reports;
using Gitbrief.Sources;

namespace Gitbrief.Pipeline;

/// <summary>The repository profile the rules rank a report's commits by (<see cref="RepositoryProfile"/>: where the code
/// lives and changes). It is read from the repository as it stood when the report's week began — the newest commit
/// before Monday 00:00 of the week of the window's last day — and kept in the store under that commit, so a week of
/// daily reports reads git for it once, and a report's profile follows from its window, not from the day it is run.
/// A repository younger than its week is profiled at its newest commit and kept under that one.
/// Nothing is read for a window without commits. A failure gives the empty profile: it only refines the ranking.</summary>
internal static class ProfileSource
{
    /// <summary>The <c>model</c> of its entries in the store's <c>analyses</c> table.</summary>
    internal const string CacheModel = "repository-profile";

    /// <summary>Kept profiles are only reused by the same build (the file classification behind them may change).</summary>
    private static readonly string BuildVersion =
        typeof(ProfileSource).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static async Task<RepositoryProfile> ReadAsync(
        GitHistory git, string revision, ReportDay lastDay, bool firstParent, Task<IAnalysisCache?> cache, string repository,
        CancellationToken cancellationToken)
    {
        // Abandoned before any commit was listed (a window without commits, every day of them): the empty profile, without
        // the cancellation exception, which a native run pays for with its unwinding and stack trace.
        await git.CommitsFound.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!git.CommitsFound.IsCompleted)
        {
            return RepositoryProfile.Empty;
        }
        // A repository younger than its week is profiled as it stands now, and kept under that commit: a re-run of the
        // day (nothing committed since) reads no tree; the next commit reads it again.
        var anchor = await git.NewestCommitBeforeAsync(revision, WeekStart(lastDay), firstParent, cancellationToken).ConfigureAwait(false)
            ?? await git.CommitOfAsync(revision, cancellationToken).ConfigureAwait(false);
        if (anchor is null)
        {
            return await RepositoryProfile.ReadAsync(git.Directory, revision, cancellationToken).ConfigureAwait(false);
        }
        var key = new AnalysisKey(repository, anchor, CacheModel, BuildVersion, string.Empty, string.Empty);
        var store = await cache.ConfigureAwait(false);
        if (store is not null && await FindAsync(store, key, cancellationToken).ConfigureAwait(false) is { } kept)
        {
            return kept;
        }
        var profile = await RepositoryProfile.ReadAsync(git.Directory, anchor, cancellationToken).ConfigureAwait(false);
        if (store is not null)
        {
            await KeepAsync(store, key, profile, cancellationToken).ConfigureAwait(false);
        }
        return profile;
    }

    /// <summary>Monday 00:00 of the week of <paramref name="day"/>, in its time zone.</summary>
    internal static DateTimeOffset WeekStart(ReportDay day) =>
        new ReportDay(day.Date.AddDays(-(((int)day.Date.DayOfWeek + 6) % 7)), day.TimeZone).Start;

    private static async Task<RepositoryProfile?> FindAsync(IAnalysisCache store, AnalysisKey key, CancellationToken cancellationToken)
    {
        try
        {
            return await store.FindAnalysisAsync(key, cancellationToken).ConfigureAwait(false) is { } payload ? Parse(payload) : null;
        }
        catch (EnvironmentException)
        {
            return null;
        }
    }

    private static async Task KeepAsync(IAnalysisCache store, AnalysisKey key, RepositoryProfile profile, CancellationToken cancellationToken)
    {
        try
        {
            await store.SaveAnalysisAsync(key, Serialize(profile), cancellationToken).ConfigureAwait(false);
        }
        catch (EnvironmentException)
        {
            // The store is failing: the work that needs it reports that.
        }
    }

    /// <summary><c>{"directory": [files, changes], …}</c>, directories in ordinal order.</summary>
    internal static string Serialize(RepositoryProfile profile)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (directory, weight) in profile.DirectCounts.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteStartArray(directory);
                writer.WriteNumberValue(weight.Files);
                writer.WriteNumberValue(weight.Changes);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The profile kept by <see cref="Serialize"/>, or null when the text is not one.</summary>
    internal static RepositoryProfile? Parse(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var counts = new Dictionary<string, DirectoryWeight>(StringComparer.Ordinal);
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                counts[entry.Name] = new DirectoryWeight(entry.Value[0].GetInt32(), entry.Value[1].GetInt32());
            }
            return new RepositoryProfile(counts);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or IndexOutOfRangeException or FormatException)
        {
            return null;
        }
    }
}
