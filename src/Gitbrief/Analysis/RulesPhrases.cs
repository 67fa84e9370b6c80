using System.Globalization;

namespace Gitbrief.Analysis;

/// <summary>Every sentence the rules analyzer writes, in Chinese and English. The data fills the blanks;
/// nothing here states what the data does not show.</summary>
internal sealed record RulesPhrases
{
    public required Func<string, string> TypeReason { get; init; }
    public required Func<int, string> SizeReason { get; init; }
    public required Func<FileRole, string> RoleReason { get; init; }
    public required Func<int, string> ScopeReason { get; init; }
    public required string BreakingReason { get; init; }
    public required Func<string, string> SecurityReason { get; init; }
    public required string RevertReason { get; init; }
    public required Func<string, string> SensitiveReason { get; init; }
    public required string DependenciesReason { get; init; }
    public required Func<string, string> CapReason { get; init; }
    public required Func<FileRole, string> Role { get; init; }
    public required string ListSeparator { get; init; }
    public required Func<int, string, int, int, string> FilesSummary { get; init; }
    public required Func<string, string> PublicApiChanged { get; init; }
    public required Func<string, string> MigrationChanged { get; init; }
    public required Func<string, string> SchemaChanged { get; init; }
    public required Func<string, string> ConfigChanged { get; init; }
    public required Func<string, string> ManifestChanged { get; init; }
    public required Func<string, string> CiChanged { get; init; }
    public required string RiskBreaking { get; init; }
    public required Func<string, string> RiskSecurity { get; init; }
    public required string RiskNoTests { get; init; }
    public required string RiskMigration { get; init; }
    public required string RiskPublicApi { get; init; }
    public required string RiskConfig { get; init; }
    public required string RiskDependencies { get; init; }
    public required Func<int, string> RiskLarge { get; init; }
    public required Func<int, string> RiskDeletions { get; init; }
    public required string RiskRevert { get; init; }
    public required string AdviseBreaking { get; init; }
    public required string AdviseSecurity { get; init; }
    public required string AdviseTests { get; init; }
    public required string AdviseMigration { get; init; }
    public required string AdvisePublicApi { get; init; }
    public required string AdviseConfig { get; init; }
    public required string AdviseDependencies { get; init; }
    public required string AdviseLarge { get; init; }
    public required string AdviseRevert { get; init; }
    public required string AdviseNothing { get; init; }
    public required Func<int, string, string> ArchitectureComponents { get; init; }
    public required Func<int, string> ArchitectureNewFiles { get; init; }
    public required Func<int, string> ArchitectureRenames { get; init; }
    public required Func<int, string> ArchitectureDeletions { get; init; }
    public required string PerformanceClaimed { get; init; }
    public required Func<string, string> SecuritySignal { get; init; }

    public static RulesPhrases For(ReportLanguage language) => language == ReportLanguage.En ? English : Chinese;

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static RulesPhrases Chinese { get; } = new()
    {
        TypeReason = t => $"类型 {t}",
        SizeReason = n => $"有效变更 {N(n)} 行",
        RoleReason = r => $"主要为{ChineseRole(r)}",
        ScopeReason = n => $"涉及 {N(n)} 个文件",
        BreakingReason = "破坏性变更标记",
        SecurityReason = k => $"安全关键词“{k}”",
        RevertReason = "回滚提交",
        SensitiveReason = p => $"涉及敏感文件 {p}",
        DependenciesReason = "依赖清单变更",
        CapReason = k => $"仅{k}变更，重要度封顶",
        Role = ChineseRole,
        ListSeparator = "、",
        FilesSummary = (files, roles, add, del) => $"修改 {N(files)} 个文件（{roles}），+{N(add)}/-{N(del)} 行",
        PublicApiChanged = p => $"公共接口文件变更：{p}",
        MigrationChanged = p => $"数据库迁移/SQL 变更：{p}",
        SchemaChanged = p => $"数据结构定义变更：{p}",
        ConfigChanged = p => $"配置文件变更：{p}",
        ManifestChanged = p => $"依赖清单变更：{p}",
        CiChanged = p => $"CI 流程变更：{p}",
        RiskBreaking = "提交声明了破坏性变更，下游使用方可能需要同步修改",
        RiskSecurity = k => $"提交信息包含安全相关关键词“{k}”",
        RiskNoTests = "修改了源代码，但本次提交未修改任何测试文件",
        RiskMigration = "包含数据库迁移或 SQL 变更，部署顺序与回滚需谨慎",
        RiskPublicApi = "修改了公共接口文件，可能影响调用方兼容性",
        RiskConfig = "修改了配置文件，默认行为可能改变",
        RiskDependencies = "修改了依赖清单，可能引入新版本行为或兼容性问题",
        RiskLarge = n => $"变更规模较大（有效变更 {N(n)} 行），审查难度高",
        RiskDeletions = n => $"删除了 {N(n)} 个文件",
        RiskRevert = "回滚了先前的提交，相关功能或修复已撤销",
        AdviseBreaking = "检查下游代码与文档是否已适配该破坏性变更，并在发布说明中注明",
        AdviseSecurity = "核实修复是否完整，评估受影响版本并考虑尽快升级",
        AdviseTests = "为本次修改的源代码补充或更新测试",
        AdviseMigration = "部署前审查迁移脚本，确认可回滚并在预发环境演练",
        AdvisePublicApi = "确认接口变更的兼容性，并同步更新调用方与文档",
        AdviseConfig = "确认新配置的默认值，并检查各环境的配置是否需要调整",
        AdviseDependencies = "查看依赖版本变更说明，关注许可证与安全公告",
        AdviseLarge = "建议分模块审查，重点关注核心路径的改动",
        AdviseRevert = "确认被回滚的提交的影响，以及是否有后续修复计划",
        AdviseNothing = "数据中未发现需要特别关注的信号",
        ArchitectureComponents = (n, list) => $"涉及 {N(n)} 个模块：{list}",
        ArchitectureNewFiles = n => $"新增 {N(n)} 个文件",
        ArchitectureRenames = n => $"重命名/移动 {N(n)} 个文件",
        ArchitectureDeletions = n => $"删除 {N(n)} 个文件",
        PerformanceClaimed = "提交声明为性能优化（数据中无基准测试结果）",
        SecuritySignal = k => $"提交信息包含安全关键词“{k}”",
    };

    public static RulesPhrases English { get; } = new()
    {
        TypeReason = t => $"type {t}",
        SizeReason = n => $"{N(n)} meaningful lines",
        RoleReason = r => $"mostly {EnglishRole(r)}",
        ScopeReason = n => n == 1 ? "1 file" : $"{N(n)} files",
        BreakingReason = "breaking-change marker",
        SecurityReason = k => $"security keyword \"{k}\"",
        RevertReason = "revert",
        SensitiveReason = p => $"sensitive file {p}",
        DependenciesReason = "dependency manifest changed",
        CapReason = k => $"{k} only, capped",
        Role = EnglishRole,
        ListSeparator = ", ",
        FilesSummary = (files, roles, add, del) => $"{N(files)} file{(files == 1 ? string.Empty : "s")} changed ({roles}), +{N(add)}/-{N(del)} lines",
        PublicApiChanged = p => $"public API files changed: {p}",
        MigrationChanged = p => $"database migration / SQL changed: {p}",
        SchemaChanged = p => $"schema definitions changed: {p}",
        ConfigChanged = p => $"configuration changed: {p}",
        ManifestChanged = p => $"dependency manifests changed: {p}",
        CiChanged = p => $"CI pipeline changed: {p}",
        RiskBreaking = "the commit declares a breaking change; dependants may need to change too",
        RiskSecurity = k => $"the message mentions a security keyword (\"{k}\")",
        RiskNoTests = "source code changed but no test file was touched",
        RiskMigration = "contains a database migration or SQL change; deployment order and rollback need care",
        RiskPublicApi = "public API files changed; callers may be affected",
        RiskConfig = "configuration files changed; default behaviour may differ",
        RiskDependencies = "dependency manifests changed; new versions may behave differently",
        RiskLarge = n => $"large change ({N(n)} meaningful lines), hard to review",
        RiskDeletions = n => $"{N(n)} files deleted",
        RiskRevert = "reverts an earlier commit; that feature or fix is undone",
        AdviseBreaking = "check that dependent code and docs follow the breaking change and mention it in the release notes",
        AdviseSecurity = "verify the fix is complete, identify affected versions and plan the upgrade",
        AdviseTests = "add or update tests for the changed source files",
        AdviseMigration = "review the migration before deploying and make sure it can be rolled back",
        AdvisePublicApi = "confirm API compatibility and update callers and docs",
        AdviseConfig = "check the new defaults and whether each environment's configuration needs changes",
        AdviseDependencies = "read the dependencies' release notes and security advisories",
        AdviseLarge = "review it component by component, core paths first",
        AdviseRevert = "check what the reverted commit did and whether a follow-up fix is planned",
        AdviseNothing = "nothing in the data calls for special attention",
        ArchitectureComponents = (n, list) => $"touches {N(n)} components: {list}",
        ArchitectureNewFiles = n => n == 1 ? "1 new file" : $"{N(n)} new files",
        ArchitectureRenames = n => n == 1 ? "1 file renamed or moved" : $"{N(n)} files renamed or moved",
        ArchitectureDeletions = n => n == 1 ? "1 file deleted" : $"{N(n)} files deleted",
        PerformanceClaimed = "declared as a performance change (no benchmark results in the data)",
        SecuritySignal = k => $"the message mentions the security keyword \"{k}\"",
    };

    private static string ChineseRole(FileRole role) => role switch
    {
        FileRole.Source => "源代码",
        FileRole.Test => "测试",
        FileRole.Docs => "文档",
        FileRole.CI => "CI",
        FileRole.Build => "构建",
        FileRole.DependencyManifest => "依赖清单",
        FileRole.Lockfile => "锁文件",
        FileRole.Generated => "生成文件",
        FileRole.Vendored => "第三方代码",
        FileRole.Binary => "二进制",
        FileRole.Config => "配置",
        _ => "其他",
    };

    private static string EnglishRole(FileRole role) => role switch
    {
        FileRole.Source => "source",
        FileRole.Test => "test",
        FileRole.Docs => "docs",
        FileRole.CI => "CI",
        FileRole.Build => "build",
        FileRole.DependencyManifest => "dependency manifest",
        FileRole.Lockfile => "lockfile",
        FileRole.Generated => "generated",
        FileRole.Vendored => "vendored",
        FileRole.Binary => "binary",
        FileRole.Config => "config",
        _ => "other",
    };
}
