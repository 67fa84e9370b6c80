using Gitbrief.Configuration;
using Gitbrief.Pipeline;
using Gitbrief.Simulators;
using Gitbrief.Sources;
using Gitbrief.Tests.Support;

namespace Gitbrief.Tests.Llm;

/// <summary>The day's highlights request goes beside the day's last round of commit requests, not one round after it.</summary>
public sealed class HighlightsRoundTests
{
    [Fact]
    public async Task The_day_request_is_sent_while_the_last_round_is_still_unanswered()
    {
        // Five commits, four in flight: the oldest goes alone in a second round, and the day request with it.
        await using var s = await LlmScenario.CreateAsync(commits: 5);
        s.Settings = new LlmSettings { MaxConcurrency = 4 };
        using var dayAsked = new ManualResetEventSlim();
        var dayAskedFirst = false;
        s.Simulator.Answer = request =>
        {
            if (request.IsHighlights)
            {
                dayAsked.Set();
            }
            else if (request.Sha == s.Shas[0])
            {
                // Held until the day request arrives: before the change, that never happened, and this waited it out.
                dayAskedFirst = dayAsked.Wait(TimeSpan.FromSeconds(20));
            }
            return ChatSimulator.DefaultAnswer(request);
        };

        var summary = await s.RunAsync();

        Assert.Equal(ExitCodes.Success, summary.ExitCode);
        Assert.True(dayAskedFirst, "the day request waited for the last commit's answer");
        Assert.All(ReportAssert.Commits(s.Json()), c => Assert.Equal("llm", LlmScenario.Source(c)));
        Assert.Equal("Simulated highlight one.", s.Json().GetProperty("highlights")[0].GetString());
        Assert.Equal(6, s.Simulator.Requests.Count);
    }

    [Theory]
    [InlineData(49, 8, 48)]
    [InlineData(123, 32, 96)]
    [InlineData(48, 8, 48)]
    [InlineData(5, 4, 4)]
    [InlineData(3, 8, 3)]
    public void The_day_waits_for_every_commit_but_a_short_last_round(int commits, int concurrency, int waited)
    {
        var day = Enumerable.Range(0, commits).Select(i => new CommitRecord
        {
            Sha = $"{i:x40}",
            Parents = [],
            Author = new Person("A", "a@example.com"),
            AuthoredAt = DateTimeOffset.UnixEpoch,
            Committer = new Person("A", "a@example.com"),
            CommittedAt = DateTimeOffset.UnixEpoch,
            Message = $"change {i}",
            Files = [],
        }).ToList();

        var first = LlmStage.AnsweredFirst(day, concurrency);

        Assert.Equal(day.Take(waited).Select(c => c.Sha), first);
    }
}
