namespace Gitbrief.Analysis;

/// <summary>The reasons the importance signals add, in the report's language.</summary>
internal sealed record SignalPhrases
{
    public required Func<string, string> Hardening { get; init; }
    public required Func<string, string> SevereFix { get; init; }
    public required string CoreFeature { get; init; }
    public required Func<string, string> Defaults { get; init; }
    public required Func<string, string> ApiBreak { get; init; }
    public required Func<string, string> Engine { get; init; }
    public required Func<string, string> Graduation { get; init; }
    public required Func<string, string> Major { get; init; }
    public required Func<string, string> Routine { get; init; }
    public required Func<string, string> Release { get; init; }
    public required Func<string, string> Experimental { get; init; }
    public required string Periphery { get; init; }
    public required string Core { get; init; }
    public required string Trivial { get; init; }
    public required string ReleasePipeline { get; init; }
    public required string Automation { get; init; }
    public required string Examples { get; init; }
    public required string ThemesAdded { get; init; }
    public required string AgentSkills { get; init; }
    public required string ReleaseTooling { get; init; }
    public required Func<string, string> SupportFloor { get; init; }
    public required Func<string, string> Deprecation { get; init; }
    public required string DeprecatedRemoval { get; init; }
    public required Func<string, string> FollowUp { get; init; }
    public required Func<string, string> Unnamed { get; init; }
    public required Func<string, string> BuildFix { get; init; }
    public required string BuildScripts { get; init; }
    public required Func<string, string> Wording { get; init; }
    public required Func<string, string> CodeOnly { get; init; }
    public required Func<string, string> Refactor { get; init; }
    public required string DeclaredTests { get; init; }
    public required Func<string, string> Target { get; init; }
    public required string Removal { get; init; }
    public required Func<string, string> FormatVersion { get; init; }
    public required Func<string, string> ScopedBehaviour { get; init; }
    public required Func<string, string> BehaviourVerb { get; init; }
    public required Func<string, string> NewSetting { get; init; }
    public required string NoHighSignal { get; init; }
    public required Func<int, string> DayCap { get; init; }
    public required Func<string, int, string> Series { get; init; }
    public required Func<int, string> BranchStep { get; init; }
    public required Func<string, string> SameDayCode { get; init; }
    public required Func<int, string> Repeated { get; init; }
    public required Func<int, string> PullRequest { get; init; }

    public static SignalPhrases For(ReportLanguage language) => language == ReportLanguage.En ? English : Chinese;

    public static SignalPhrases Chinese { get; } = new()
    {
        Hardening = e => $"安全加固（{e}）",
        SevereFix = w => $"修复严重问题（{w}）",
        CoreFeature = "核心功能的新能力",
        Defaults = w => w == "title" ? "修改默认行为" : $"修改默认值（{w}）",
        ApiBreak = w => $"公开 API 的破坏性变更（新增 {w}）",
        Engine = w => $"升级内置引擎 {w}",
        Graduation = w => $"功能转为正式（{w}）",
        Major = w => $"依赖大版本升级 {w}",
        Routine = w => $"常规依赖更新 {w}",
        Release = v => $"发布版本号 {v}",
        Experimental = w => $"实验性/预览功能（{w}）",
        Periphery = "仅涉及外围部分（基准、示例、工具等）",
        Core = "涉及仓库核心代码",
        Trivial = "改动极小",
        ReleasePipeline = "发布流程变更",
        Automation = "仓库自身的自动化（CI 与机器人配置），不随产品发布",
        Examples = "仅示例代码",
        ThemesAdded = "仅新增配色主题，用户需按名称选用",
        AgentSkills = "仅编码代理的技能包，不随产品运行",
        ReleaseTooling = "仅维护者的发布工具（发版脚本），不随产品发布",
        SupportFloor = w => $"提高了构建或运行所需的最低版本（{w}）",
        Deprecation = w => $"弃用了产品的一部分，用户会收到迁移提示（{w}）",
        DeprecatedRemoval = "移除了已弃用的部分，仍在使用它的用户需要迁移",
        FollowUp = w => $"评审跟进（{w}）",
        Unnamed = w => $"标题未说明改了什么（{w}）",
        BuildFix = w => $"修复项目自身的构建（{w}），不改变产品行为",
        BuildScripts = "仅改动构建脚本与包清单，依赖未变",
        Wording = w => $"仅文档或提示文字（{w}）",
        CodeOnly = k => k == "formatting" ? "代码只改了空白与格式" : "代码只改了注释与文档",
        Refactor = v => v.StartsWith("refactor", StringComparison.Ordinal) ? "内部重构，用户无感" : $"内部重构（{v}），用户无感",
        DeclaredTests = "标题表明是测试改动",
        Target = t => $"仅针对特定硬件、平台或模型（{t}）",
        Removal = "移除了用户在用的支持",
        FormatVersion = v => $"协议或格式版本变更（{v}），每个对端或已存文件都受影响",
        ScopedBehaviour = w => $"特定条件下的行为变化（{w}）",
        BehaviourVerb = w => $"标题说明了行为变化（{w} …）",
        NewSetting = v => $"新增核心设置 {v}",
        NoHighSignal = "未见须立即知晓的信号",
        DayCap = n => $"当日高重要度过多，保留前 {n} 项",
        Series = (s, n) => $"同一系列（{s}，当日 {n} 个功能提交）",
        BranchStep = n => $"逐个推送的分支中的一小步（作者当日 {n} 个未经 PR 的提交）",
        SameDayCode = f => $"只改动当日较早提交新建的代码（{f}）",
        Repeated = n => $"同一改动逐个模块提交（当日 {n} 个模块）",
        PullRequest = n => $"合并的拉取请求（#{n}）：一个经过评审的完整改动",
    };

    public static SignalPhrases English { get; } = new()
    {
        Hardening = e => $"security hardening ({e})",
        SevereFix = w => $"fixes a severe problem ({w})",
        CoreFeature = "new capability of the core product",
        Defaults = w => w == "title" ? "changes a default" : $"changes a default value ({w})",
        ApiBreak = w => $"breaks the public API (adds {w})",
        Engine = w => $"upgrades the bundled engine {w}",
        Graduation = w => $"leaves preview ({w})",
        Major = w => $"major version bump of {w}",
        Routine = w => $"routine dependency update {w}",
        Release = v => $"release version {v}",
        Experimental = w => $"experimental / preview ({w})",
        Periphery = "only the periphery (benchmarks, examples, tools…)",
        Core = "in the repository's core",
        Trivial = "trivial change",
        ReleasePipeline = "release pipeline change",
        Automation = "the repository's own automation (CI and bot settings), nothing that ships",
        Examples = "examples only",
        ThemesAdded = "only adds colour themes, picked by name",
        AgentSkills = "a coding agent's skills only, nothing the product runs",
        ReleaseTooling = "the maintainers' release tooling only (how a release is cut), nothing that ships",
        SupportFloor = w => $"raises what users need to build or run it ({w})",
        Deprecation = w => $"deprecates part of the product: its users are told to move off it ({w})",
        DeprecatedRemoval = "removes what was deprecated: whoever still uses it must move off it",
        FollowUp = w => $"review follow-up ({w})",
        Unnamed = w => $"the title names no change ({w})",
        BuildFix = w => $"a fix of the project's own build ({w}), no change of behaviour",
        BuildScripts = "build scripts and package manifests only, no dependency moved",
        Wording = w => $"only documentation or message wording ({w})",
        CodeOnly = k => k == "formatting" ? "the code changes only in whitespace and formatting" : "the code changes only in comments and documentation",
        Refactor = v => v.StartsWith("refactor", StringComparison.Ordinal) ? "internal refactor, nothing a user notices" : $"internal refactor ({v}), nothing a user notices",
        DeclaredTests = "the title says it is a change of tests",
        Target = t => $"confined to one hardware target, platform or model ({t})",
        Removal = "removes support users had",
        FormatVersion = v => $"moves a protocol or format version ({v}) every peer or stored file carries",
        ScopedBehaviour = w => $"changes behaviour in a stated case ({w})",
        BehaviourVerb = w => $"the title says what the product now does ({w} …)",
        NewSetting = v => $"new core setting {v}",
        NoHighSignal = "no sign a follower must know it today",
        DayCap = n => $"many high items today: the top {n} kept",
        Series = (s, n) => $"part of a series ({s}, {n} feature commits today)",
        BranchStep = n => $"a small step of a branch pushed commit by commit ({n} commits without a pull request by its author today)",
        SameDayCode = f => $"changes only code an earlier commit created today ({f})",
        Repeated = n => $"the same change made area by area ({n} areas today)",
        PullRequest = n => $"a merged pull request (#{n}): a whole change someone reviewed",
    };
}
