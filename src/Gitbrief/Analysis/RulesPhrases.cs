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

    /// <summary>The ceiling of a commit that changes no file.</summary>
    public required string EmptyReason { get; init; }
    public required Func<FileRole, string> Role { get; init; }
    public required string ListSeparator { get; init; }

    /// <summary>After the first (shown) of (total) names: " (+2 more)" / " 等 5 个文件"; the flag says they are components.</summary>
    public required Func<int, int, bool, string> More { get; init; }
    public required Func<int, string, int, int, string> FilesSummary { get; init; }
    public required Func<string, string> PublicApiChanged { get; init; }
    public required Func<string, string> MigrationChanged { get; init; }
    public required Func<string, string> SchemaChanged { get; init; }
    public required Func<string, string> ConfigChanged { get; init; }
    public required Func<string, string> ManifestChanged { get; init; }
    public required Func<string, string> CiChanged { get; init; }
    public required Func<string, string> RiskBreaking { get; init; }
    public required Func<string, string, string> RiskSecurity { get; init; }
    public required Func<string, string> RiskHardening { get; init; }
    public required Func<string, int, string> RiskNoTests { get; init; }
    public required Func<string, string> RiskMigration { get; init; }
    public required Func<string, string> RiskPublicApi { get; init; }
    public required Func<string, string> RiskConfig { get; init; }
    public required Func<string, string> RiskDefaults { get; init; }
    public required Func<string, (string Name, string Version)?, string> RiskDependencies { get; init; }
    public required Func<int, string, string> RiskLarge { get; init; }
    public required Func<int, string, string> RiskDeletions { get; init; }
    public required Func<string, string> RiskRevert { get; init; }
    public required Func<string, string> AdviseBreaking { get; init; }
    public required Func<string, bool, string> AdviseSecurity { get; init; }
    public required Func<string, string> AdviseHardening { get; init; }
    public required Func<string, string> AdviseTests { get; init; }
    public required Func<string, string> AdviseMigration { get; init; }
    public required Func<string, string> AdvisePublicApi { get; init; }
    public required Func<string, string> AdviseConfig { get; init; }
    public required Func<string, string> AdviseDefaults { get; init; }
    public required Func<string, (string Name, string Version)?, string> AdviseDependencies { get; init; }
    public required Func<string, string> AdviseLarge { get; init; }
    public required Func<string, string> AdviseRevert { get; init; }
    public required string AnEarlierCommit { get; init; }
    public required Func<string, string> Quote { get; init; }
    public required Func<int, string, string> ArchitectureComponents { get; init; }
    public required Func<int, string> ArchitectureNewFiles { get; init; }
    public required Func<int, string> ArchitectureRenames { get; init; }
    public required Func<int, string> ArchitectureDeletions { get; init; }
    public required Func<string?, string> PerformanceClaimed { get; init; }
    public required Func<string, string> SecuritySignal { get; init; }

    public static RulesPhrases For(ReportLanguage language) => language == ReportLanguage.En ? English : Chinese;

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A name followed by Chinese text: a space after a Latin name ("src/a.py 的"), none after a
    /// Chinese word ("等 8 个文件的").</summary>
    private static string Spaced(string name) => name.Length > 0 && name[^1] is >= '\u4E00' and <= '\u9FFF' ? name : name + " ";

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
        EmptyReason = "未改动任何文件，重要度封顶",
        Role = ChineseRole,
        ListSeparator = "、",
        More = (_, total, components) => $" 等 {N(total)} 个{(components ? "模块" : "文件")}",
        FilesSummary = (files, roles, add, del) => $"修改 {N(files)} 个文件（{roles}），+{N(add)}/-{N(del)} 行",
        PublicApiChanged = p => $"公共接口文件变更：{p}",
        MigrationChanged = p => $"数据库迁移/SQL 变更：{p}",
        SchemaChanged = p => $"数据结构定义变更：{p}",
        ConfigChanged = p => $"配置文件变更：{p}",
        ManifestChanged = p => $"依赖清单变更：{p}",
        CiChanged = p => $"CI 或开发工具配置变更：{p}",
        RiskBreaking = what => $"提交声明了破坏性变更（{what}），依赖它的代码可能需要同步修改",
        RiskSecurity = (k, where) => $"提交信息包含安全关键词“{k}”，涉及 {where}",
        RiskHardening = where => $"{Spaced(where)}经过加固，原先接受的输入或状态现在可能被拒绝或以不同方式处理",
        RiskNoTests = (where, added) => $"{Spaced(where)}新增 {N(added)} 行代码，本次提交未修改任何测试",
        RiskMigration = where => $"包含数据库迁移或数据结构定义变更（{where}），部署顺序与回滚需谨慎",
        RiskPublicApi = where => $"修改了公共接口文件 {where}，调用方可能受影响",
        RiskConfig = where => $"修改了配置文件 {where}，默认行为可能改变",
        RiskDefaults = where => $"修改了 {Spaced(where)}中的默认值，升级后的行为可能改变",
        RiskDependencies = (where, bump) => bump is { } b
            ? $"依赖 {b.Name} 升级到 {b.Version}（{where}），新版本的行为可能不同"
            : $"修改了依赖清单 {where}，依赖的新版本行为可能不同",
        RiskLarge = (n, where) => $"变更规模较大：{Spaced(where)}中有 {N(n)} 行改动，审查难度高",
        RiskDeletions = (n, where) => $"删除了 {N(n)} 个文件（{where}）",
        RiskRevert = title => $"回滚了{title}，其引入的功能或修复已撤销",
        AdviseBreaking = what => $"检查依赖 {Spaced(what)}的代码与文档是否已适配，并在发布说明中注明",
        AdviseSecurity = (where, upgrade) => upgrade
            ? $"核实 {Spaced(where)}中的修复是否完整，评估受影响的版本并尽快升级"
            : $"核实 {Spaced(where)}中的修复是否完整",
        AdviseHardening = where => $"确认你的用法在加固后的 {Spaced(where)}上仍然可用",
        AdviseTests = where => $"为 {Spaced(where)}的改动补充测试",
        AdviseMigration = where => $"部署前审查 {where}，确认可以回滚",
        AdvisePublicApi = where => $"确认 {Spaced(where)}的接口变更是否兼容，并同步更新调用方与文档",
        AdviseConfig = where => $"检查你在 {Spaced(where)}中的设置是否需要调整",
        AdviseDefaults = where => $"确认 {Spaced(where)}中新的默认值适合你的部署",
        AdviseDependencies = (where, bump) => bump is { } b
            ? $"查看 {b.Name} {b.Version} 的版本说明与安全公告"
            : $"查看 {Spaced(where)}中变更依赖的版本说明与安全公告",
        AdviseLarge = where => $"按模块审查，先看 {Spaced(where)}的改动",
        AdviseRevert = title => $"确认{title}被回滚的原因，以及是否有后续修复计划",
        AnEarlierCommit = "先前的提交",
        Quote = text => $"“{text}”",
        ArchitectureComponents = (n, list) => $"涉及 {N(n)} 个模块：{list}",
        ArchitectureNewFiles = n => $"新增 {N(n)} 个文件",
        ArchitectureRenames = n => $"重命名/移动 {N(n)} 个文件",
        ArchitectureDeletions = n => $"删除 {N(n)} 个文件",
        PerformanceClaimed = where => where is null ? "提交声明为性能优化（数据中无基准测试结果）" : $"声明为 {Spaced(where)}的性能优化（数据中无基准测试结果）",
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
        EmptyReason = "changes no file, capped",
        Role = EnglishRole,
        ListSeparator = ", ",
        More = (shown, total, _) => $" (+{N(total - shown)} more)",
        FilesSummary = (files, roles, add, del) => $"{N(files)} file{(files == 1 ? string.Empty : "s")} changed ({roles}), +{N(add)}/-{N(del)} lines",
        PublicApiChanged = p => $"public API files changed: {p}",
        MigrationChanged = p => $"database migration / SQL changed: {p}",
        SchemaChanged = p => $"schema definitions changed: {p}",
        ConfigChanged = p => $"configuration changed: {p}",
        ManifestChanged = p => $"dependency manifests changed: {p}",
        CiChanged = p => $"CI or developer tooling changed: {p}",
        RiskBreaking = what => $"declares a breaking change ({what}); code that depends on it may need to change",
        RiskSecurity = (k, where) => $"the message mentions the security keyword \"{k}\"; it touches {where}",
        RiskHardening = where => $"{where} is hardened: input or states it used to accept may now be refused or handled differently",
        RiskNoTests = (where, added) => $"{N(added)} lines added to {where} without any test change",
        RiskMigration = where => $"changes migrations or schemas ({where}); deployment order and rollback need care",
        RiskPublicApi = where => $"changes the public API in {where}; callers may be affected",
        RiskConfig = where => $"changes the configuration in {where}; default behaviour may differ",
        RiskDefaults = where => $"changes default values in {where}; behaviour after upgrading may differ",
        RiskDependencies = (where, bump) => bump is { } b
            ? $"{b.Name} updated to {b.Version} ({where}); the new version may behave differently"
            : $"dependency manifest {where} changed; new versions may behave differently",
        RiskLarge = (n, where) => $"large change: {N(n)} changed lines in {where}, hard to review",
        RiskDeletions = (n, where) => $"{N(n)} files deleted ({where})",
        RiskRevert = title => $"reverts {title}; what it added or fixed is undone",
        AdviseBreaking = what => $"check that code and docs depending on {what} follow the change, and note it in the release notes",
        AdviseSecurity = (where, upgrade) => upgrade
            ? $"verify that the fix in {where} is complete, find the affected versions and plan the upgrade"
            : $"verify that the fix in {where} is complete",
        AdviseHardening = where => $"check that your usage still works with the hardened {where}",
        AdviseTests = where => $"add tests for the changes in {where}",
        AdviseMigration = where => $"review {where} before deploying and make sure it can be rolled back",
        AdvisePublicApi = where => $"confirm that the API changes in {where} are compatible, and update callers and docs",
        AdviseConfig = where => $"check whether your settings in {where} need adjusting",
        AdviseDefaults = where => $"check that the new defaults in {where} suit your deployments",
        AdviseDependencies = (where, bump) => bump is { } b
            ? $"read the release notes and advisories of {b.Name} {b.Version}"
            : $"read the release notes and advisories of the dependencies changed in {where}",
        AdviseLarge = where => $"review it component by component, starting with {where}",
        AdviseRevert = title => $"find out why {title} was reverted and whether a follow-up is planned",
        AnEarlierCommit = "an earlier commit",
        Quote = text => $"\"{text}\"",
        ArchitectureComponents = (n, list) => $"touches {N(n)} components: {list}",
        ArchitectureNewFiles = n => n == 1 ? "1 new file" : $"{N(n)} new files",
        ArchitectureRenames = n => n == 1 ? "1 file renamed or moved" : $"{N(n)} files renamed or moved",
        ArchitectureDeletions = n => n == 1 ? "1 file deleted" : $"{N(n)} files deleted",
        PerformanceClaimed = where => where is null
            ? "declared as a performance change (no benchmark results in the data)"
            : $"declared as a performance change in {where} (no benchmark results in the data)",
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
