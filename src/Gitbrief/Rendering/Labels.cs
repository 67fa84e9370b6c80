using System.Globalization;
using Gitbrief.Analysis;

namespace Gitbrief.Rendering;

/// <summary>The report's fixed words in Chinese (the current tool's labels) and English.</summary>
internal sealed record Labels
{
    public required Func<string, string> Title { get; init; }
    public required string CommitTime { get; init; }
    public required string Author { get; init; }
    public required string Message { get; init; }
    public required string Statistics { get; init; }
    public required Func<int, int, int, int, string> StatisticsLine { get; init; }
    public required string Highlights { get; init; }
    public required string Themes { get; init; }

    /// <summary>A theme's size and mix: "4 个提交（高 1、中 3）", "4 commits (1 high, 3 medium)".</summary>
    public required Func<int, int, int, int, string> ThemeSize { get; init; }
    public required Func<int, string> More { get; init; }
    public required string Contents { get; init; }
    public required Func<ImportanceLevel, int, string> Group { get; init; }
    public required string AllChanges { get; init; }
    public required string NoCommits { get; init; }
    public required string ViewCommit { get; init; }
    public required Func<string, string, string, string> Window { get; init; }

    /// <summary>The line of a report whose day is not over, given the end of its window.</summary>
    public required Func<string, string> Partial { get; init; }
    public required string ChangeType { get; init; }
    public required string Importance { get; init; }
    public required string Summary { get; init; }
    public required string ImpactScope { get; init; }
    public required string Insights { get; init; }
    public required string Architecture { get; init; }
    public required string Performance { get; init; }
    public required string Security { get; init; }
    public required string Risks { get; init; }
    public required string Recommendations { get; init; }
    public required Func<int, int, int, string> ComponentLine { get; init; }
    public required Func<int, string> Score { get; init; }
    public required Func<string, string> Severity { get; init; }
    public required Func<string, string> Fallback { get; init; }
    public required Func<int, string> FilesTruncated { get; init; }
    public required string Colon { get; init; }
    public required string ListSeparator { get; init; }
    public required Func<ImportanceLevel, string> Level { get; init; }
    public required Func<ChangeType, string> Type { get; init; }

    // The messages built from a day's digest (Publishing/Digests): chat, mail and the oversize issue body.

    /// <summary>The language tag of a mail's HTML part.</summary>
    public required string Lang { get; init; }

    /// <summary>Appended to a message's heading when it is the update of a day already sent.</summary>
    public required string Updated { get; init; }

    /// <summary>The plain-text note of a day not over yet (<see cref="Partial"/> without Markdown), given the end of its window.</summary>
    public required Func<string, string> PartialNote { get; init; }

    /// <summary>The heading of an update's list of what changed.</summary>
    public required string Changes { get; init; }

    /// <summary>A commit that landed after the day was sent: its short sha and title, its level.</summary>
    public required Func<string, string, string> ChangeAdded { get; init; }

    /// <summary>A commit no longer on the branch: its short sha and title.</summary>
    public required Func<string, string> ChangeRemoved { get; init; }

    /// <summary>A commit whose level changed: its short sha and title, the level sent, the level now.</summary>
    public required Func<string, string, string, string> ChangeLevel { get; init; }

    /// <summary>The line under a message's commit list: how many commits of the day it does not list.</summary>
    public required Func<int, string> MoreCommits { get; init; }

    /// <summary>The text of the link to the full report.</summary>
    public required string FullReport { get; init; }

    /// <summary>The default mail subject; {date} stands for the day or the range.</summary>
    public required string MailSubject { get; init; }

    /// <summary>The default subject of a mail holding updates only.</summary>
    public required string MailUpdateSubject { get; init; }

    public required string MailFooter { get; init; }

    /// <summary>The default issue title (with {date}); the flag: the batch has several repositories.</summary>
    public required Func<bool, string> IssueTitle { get; init; }

    /// <summary>The note of an oversize issue body: the report's length, GitHub's limit, the link to the full report.</summary>
    public required Func<string, string, string, string> IssueOversize { get; init; }

    public static Labels For(ReportLanguage language) => language == ReportLanguage.En ? English : Chinese;

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The non-zero counts, highest level first, each in its format.</summary>
    private static IEnumerable<string> Mix(int high, int medium, int low, string highFormat, string mediumFormat, string lowFormat) =>
        new[] { (high, highFormat), (medium, mediumFormat), (low, lowFormat) }
            .Where(c => c.Item1 > 0)
            .Select(c => string.Format(CultureInfo.InvariantCulture, c.Item2, c.Item1));

    /// <summary>The colour of a level, as the report's headings use it.</summary>
    public static string LevelEmoji(ImportanceLevel level) => level switch
    {
        ImportanceLevel.High => "🔴",
        ImportanceLevel.Medium => "🟡",
        _ => "🟢",
    };

    public static Labels Chinese { get; } = new()
    {
        Title = date => $"每日更新报告（{date}）",
        CommitTime = "提交时间",
        Author = "作者",
        Message = "提交信息",
        Statistics = "📊 统计摘要",
        StatisticsLine = (total, high, medium, low) => $"本日共 {N(total)} 个提交 | 🔴高 {N(high)} | 🟡中 {N(medium)} | 🟢低 {N(low)}",
        Highlights = "✨ 今日要点",
        Themes = "🧭 今日主题",
        More = count => $"另 {N(count)} 个",
        ThemeSize = (total, high, medium, low) =>
            $"{N(total)} 个提交（{string.Join("、", Mix(high, medium, low, "高 {0}", "中 {0}", "低 {0}"))}）",
        Contents = "📋 目录",
        Group = (level, count) => level switch
        {
            ImportanceLevel.High => $"🔴 高重要度变更 ({N(count)})",
            ImportanceLevel.Medium => $"🟡 中重要度变更 ({N(count)})",
            _ => $"🟢 低重要度变更 ({N(count)})",
        },
        AllChanges = "📝 全部变更",
        NoCommits = "本日无提交。",
        ViewCommit = "查看提交",
        Window = (branch, range, zone) => $"分支 {branch} · 时间窗口 {range}（{zone}）",
        Partial = end => $"⏳ **部分报告**：本日尚未结束（窗口至 {end}），之后的提交不在其中。",
        ChangeType = "🎯 变更类型",
        Importance = "⚡ 重要程度",
        Summary = "📋 变更摘要",
        ImpactScope = "🎯 影响范围",
        Insights = "🔍 技术洞察",
        Architecture = "架构影响",
        Performance = "性能影响",
        Security = "安全考虑",
        Risks = "⚠️ 潜在风险",
        Recommendations = "💡 关注建议",
        ComponentLine = (files, add, del) => $"{N(files)} 个文件，+{N(add)}/-{N(del)}",
        Score = score => $"评分 {N(score)}",
        Severity = severity => severity switch
        {
            "high" => "（严重度：高）",
            "medium" => "（严重度：中）",
            "low" => "（严重度：低）",
            _ => string.Empty,
        },
        Fallback = reason => $"⚠️ LLM 分析失败，以下为规则分析：{reason}",
        FilesTruncated = files => $"⚠️ GitHub API 只列出了前 {N(files)} 个文件，该提交可能改动了更多文件",
        Colon = "：",
        ListSeparator = "、",
        Level = level => level switch
        {
            ImportanceLevel.High => "🔴高",
            ImportanceLevel.Medium => "🟡中",
            _ => "🟢低",
        },
        Type = type => type switch
        {
            Analysis.ChangeType.Feature => "功能增强",
            Analysis.ChangeType.Fix => "Bug修复",
            Analysis.ChangeType.Performance => "性能优化",
            Analysis.ChangeType.Refactor => "代码重构",
            Analysis.ChangeType.Docs => "文档更新",
            Analysis.ChangeType.Test => "测试修改",
            Analysis.ChangeType.CI => "CI调整",
            Analysis.ChangeType.Build => "构建调整",
            Analysis.ChangeType.Dependencies => "依赖更新",
            Analysis.ChangeType.Config => "配置调整",
            Analysis.ChangeType.Style => "代码风格",
            Analysis.ChangeType.Chore => "杂项维护",
            Analysis.ChangeType.Revert => "回滚",
            Analysis.ChangeType.Security => "安全修复",
            Analysis.ChangeType.Breaking => "破坏性变更",
            _ => "其他",
        },
        Lang = "zh",
        Updated = "（已更新）",
        PartialNote = end => $"⏳ 部分报告：本日尚未结束（窗口至 {end}），之后的提交不在其中。",
        Changes = "🔄 发送后的变化",
        ChangeAdded = (commit, level) => $"新增：{commit}（{level}）",
        ChangeRemoved = commit => $"已不在分支上：{commit}",
        ChangeLevel = (commit, was, now) => $"重要度变化：{commit}：{was} → {now}",
        MoreCommits = count => $"… 还有 {N(count)} 个提交",
        FullReport = "📄 查看完整报告",
        MailSubject = "Gitbrief 每日更新报告 ({date})",
        MailUpdateSubject = "Gitbrief 报告更新 ({date})",
        MailFooter = "由 Gitbrief 生成。",
        IssueTitle = several => several ? "{repository} 仓库更新报告 ({date})" : "仓库更新报告 ({date})",
        IssueOversize = (length, max, link) => $"完整报告（{length} 字符）超出 GitHub issue 的长度上限（{max}），此处仅列出摘要。完整报告：{link}",
    };

    public static Labels English { get; } = new()
    {
        Title = date => $"Daily Update Report ({date})",
        CommitTime = "Commit time",
        Author = "Author",
        Message = "Message",
        Statistics = "📊 Summary statistics",
        StatisticsLine = (total, high, medium, low) => $"{N(total)} commits | 🔴 High {N(high)} | 🟡 Medium {N(medium)} | 🟢 Low {N(low)}",
        Highlights = "✨ Highlights",
        Themes = "🧭 Themes",
        More = count => $"{N(count)} more",
        ThemeSize = (total, high, medium, low) =>
            $"{N(total)} commit{(total == 1 ? string.Empty : "s")} ({string.Join(", ", Mix(high, medium, low, "{0} high", "{0} medium", "{0} low"))})",
        Contents = "📋 Contents",
        Group = (level, count) => level switch
        {
            ImportanceLevel.High => $"🔴 High importance changes ({N(count)})",
            ImportanceLevel.Medium => $"🟡 Medium importance changes ({N(count)})",
            _ => $"🟢 Low importance changes ({N(count)})",
        },
        AllChanges = "📝 All changes",
        NoCommits = "No commits on this day.",
        ViewCommit = "View commit",
        Window = (branch, range, zone) => $"Branch {branch} · window {range} ({zone})",
        Partial = end => $"⏳ **Partial report**: this day is not over (the window ends {end}); later commits are not in it.",
        ChangeType = "🎯 Change type",
        Importance = "⚡ Importance",
        Summary = "📋 Summary",
        ImpactScope = "🎯 Impact scope",
        Insights = "🔍 Technical insights",
        Architecture = "Architecture",
        Performance = "Performance",
        Security = "Security",
        Risks = "⚠️ Potential risks",
        Recommendations = "💡 Recommendations",
        ComponentLine = (files, add, del) => $"{N(files)} file{(files == 1 ? string.Empty : "s")}, +{N(add)}/-{N(del)}",
        Score = score => $"score {N(score)}",
        Severity = severity => severity is "high" or "medium" or "low" ? $" (severity: {severity})" : string.Empty,
        Fallback = reason => $"⚠️ LLM analysis failed; rules analysis shown: {reason}",
        FilesTruncated = files => $"⚠️ The GitHub API listed only the first {N(files)} files; this commit may change more",
        Colon = ": ",
        ListSeparator = ", ",
        Level = level => level switch
        {
            ImportanceLevel.High => "🔴 High",
            ImportanceLevel.Medium => "🟡 Medium",
            _ => "🟢 Low",
        },
        Type = type => type switch
        {
            Analysis.ChangeType.Feature => "Feature",
            Analysis.ChangeType.Fix => "Bug fix",
            Analysis.ChangeType.Performance => "Performance",
            Analysis.ChangeType.Refactor => "Refactor",
            Analysis.ChangeType.Docs => "Docs",
            Analysis.ChangeType.Test => "Tests",
            Analysis.ChangeType.CI => "CI",
            Analysis.ChangeType.Build => "Build",
            Analysis.ChangeType.Dependencies => "Dependencies",
            Analysis.ChangeType.Config => "Configuration",
            Analysis.ChangeType.Style => "Style",
            Analysis.ChangeType.Chore => "Chore",
            Analysis.ChangeType.Revert => "Revert",
            Analysis.ChangeType.Security => "Security fix",
            Analysis.ChangeType.Breaking => "Breaking change",
            _ => "Other",
        },
        Lang = "en",
        Updated = " (updated)",
        PartialNote = end => $"⏳ Partial report: this day is not over (the window ends {end}); later commits are not in it.",
        Changes = "🔄 What changed since it was sent",
        ChangeAdded = (commit, level) => $"New: {commit} ({level})",
        ChangeRemoved = commit => $"No longer on the branch: {commit}",
        ChangeLevel = (commit, was, now) => $"Level changed: {commit}: {was} → {now}",
        MoreCommits = count => $"… {N(count)} more commit{(count == 1 ? string.Empty : "s")}",
        FullReport = "📄 Full report",
        MailSubject = "Gitbrief daily report ({date})",
        MailUpdateSubject = "Gitbrief report update ({date})",
        MailFooter = "Generated by Gitbrief.",
        IssueTitle = several => several ? "{repository}: Repository update report ({date})" : "Repository update report ({date})",
        IssueOversize = (length, max, link) => $"The full report ({length} characters) is longer than a GitHub issue allows ({max}); shown here: its digest. Full report: {link}",
    };
}
