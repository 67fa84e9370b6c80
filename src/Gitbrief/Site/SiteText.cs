using Gitbrief.Analysis;
using Gitbrief.Rendering;

namespace Gitbrief.Site;

/// <summary>The site's own words in Chinese and English; report words (levels, change types, analysis headings)
/// come from <see cref="Rendering.Labels"/>.</summary>
internal sealed record SiteText
{
    public required string Lang { get; init; }
    public required string SiteTitle { get; init; }
    public required string Repositories { get; init; }
    public required string NoReports { get; init; }
    public required string Search { get; init; }
    public required string SearchPlaceholder { get; init; }
    public required string SearchHint { get; init; }
    public required string Feed { get; init; }
    public required string Home { get; init; }
    public required string All { get; init; }
    public required string FilterImportance { get; init; }
    public required string FilterType { get; init; }
    public required string Visible { get; init; }
    public required string Analysis { get; init; }
    public required string Files { get; init; }
    public required string Reasons { get; init; }
    public required string Commits { get; init; }
    public required Func<int, string> ChartLabel { get; init; }
    public required Func<int, string> TotalCommits { get; init; }

    /// <summary>A collapsed run of reported days without commits: oldest date, newest date, number of days.</summary>
    public required Func<string, string, int, string> EmptyRun { get; init; }
    public required Func<int, int, string> RecentSummary { get; init; }
    public required Func<int, string, string> NoRecent { get; init; }
    public required Func<int, string> AllDays { get; init; }
    public required string WeekLink { get; init; }
    public required Func<string, string, string> WeekTitle { get; init; }
    public required string NoHighItems { get; init; }
    public required string PreviousDay { get; init; }
    public required string NextDay { get; init; }
    public required Labels Labels { get; init; }

    public static SiteText For(ReportLanguage language) => language == ReportLanguage.En ? English : Chinese;

    /// <summary>The importance codes, highest first.</summary>
    public static IReadOnlyList<string> Levels { get; } = ["high", "medium", "low"];

    private static string N(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static SiteText Chinese { get; } = new()
    {
        Lang = "zh-CN",
        SiteTitle = "Gitbrief 每日更新报告",
        Repositories = "仓库",
        NoReports = "还没有报告。",
        Search = "搜索",
        SearchPlaceholder = "搜索提交标题、作者、文件路径",
        SearchHint = "输入关键词，所有词都需匹配。",
        Feed = "Atom 订阅",
        Home = "首页",
        All = "全部",
        FilterImportance = "重要程度",
        FilterType = "变更类型",
        Visible = "当前显示提交数",
        Analysis = "分析详情",
        Files = "文件",
        Reasons = "评分依据",
        Commits = "提交",
        ChartLabel = days => $"最近 {days} 天每日提交数（按重要程度堆叠）",
        TotalCommits = total => $"共 {N(total)} 个提交",
        EmptyRun = (from, to, days) => days == 1 ? $"{from}：无提交" : $"{from} – {to}：无提交（{N(days)} 天）",
        RecentSummary = (days, total) => $"最近 {N(days)} 天共 {N(total)} 个提交",
        NoRecent = (days, latest) => $"最近 {N(days)} 天无报告，最新一天为 {latest}",
        AllDays = days => $"全部 {N(days)} 天",
        WeekLink = "最近 7 天：高重要度变更与主题",
        WeekTitle = (from, to) => $"最近 7 天（{from} – {to}）",
        NoHighItems = "无高重要度变更",
        PreviousDay = "← 前一天",
        NextDay = "后一天 →",
        Labels = Labels.Chinese,
    };

    public static SiteText English { get; } = new()
    {
        Lang = "en",
        SiteTitle = "Gitbrief daily reports",
        Repositories = "Repositories",
        NoReports = "No reports yet.",
        Search = "Search",
        SearchPlaceholder = "Search commit titles, authors, file paths",
        SearchHint = "Type words; every word must match.",
        Feed = "Atom feed",
        Home = "Home",
        All = "All",
        FilterImportance = "Importance",
        FilterType = "Change type",
        Visible = "Visible commits",
        Analysis = "Analysis",
        Files = "Files",
        Reasons = "Score reasons",
        Commits = "commits",
        ChartLabel = days => $"Commits per day over the last {days} days, stacked by importance",
        TotalCommits = total => $"{N(total)} commit{(total == 1 ? string.Empty : "s")}",
        EmptyRun = (from, to, days) => days == 1 ? $"{from}: no commits" : $"{from} – {to}: no commits ({N(days)} days)",
        RecentSummary = (days, total) => $"{N(total)} commit{(total == 1 ? string.Empty : "s")} in the last {N(days)} days",
        NoRecent = (days, latest) => $"No report in the last {N(days)} days; the latest is {latest}",
        AllDays = days => $"All {N(days)} days",
        WeekLink = "Last 7 days: high-importance changes and themes",
        WeekTitle = (from, to) => $"Last 7 days ({from} – {to})",
        NoHighItems = "No high-importance changes",
        PreviousDay = "← Previous day",
        NextDay = "Next day →",
        Labels = Labels.English,
    };

    public string Level(string code) => Labels.Level(ParseLevel(code));

    public string Type(string code) => Enum.TryParse<ChangeType>(code, ignoreCase: true, out var type) && !int.TryParse(code, out _)
        ? Labels.Type(type)
        : code;

    public static ImportanceLevel ParseLevel(string code) => code switch
    {
        "high" => ImportanceLevel.High,
        "medium" => ImportanceLevel.Medium,
        _ => ImportanceLevel.Low,
    };
}
