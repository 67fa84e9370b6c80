namespace Gitbrief.Site;

/// <summary>The JSON report does not name its language; its analysis text (score reasons, summaries) is written
/// in it, so Chinese characters there mean zh, Latin-only text means en, and a day without commits says nothing.</summary>
internal static class LanguageDetector
{
    public static ReportLanguage? Detect(Rendering.JsonReport report)
    {
        var seen = false;
        foreach (var commit in report.Commits)
        {
            foreach (var text in commit.Reasons.Select(r => r.Detail).Concat(commit.Analysis.Summary))
            {
                seen |= text.Length > 0;
                if (text.Any(IsCjk))
                {
                    return ReportLanguage.Zh;
                }
            }
        }
        return seen ? ReportLanguage.En : null;
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3000' and <= '\u303f' or >= '\uff00' and <= '\uffef';
}
