using Key = Gitbrief.Configuration.Schema.ConfigKey<Gitbrief.Configuration.TargetSettings>;

namespace Gitbrief.Configuration.Schema;

/// <summary>Every publish target type, listed once: its name, its keys (type, range, default, doc) and the message
/// for a missing required key. Publishing maps each name to the target it builds.</summary>
internal static class PublishTypes
{
    public const string DefaultArchiveMessage = "Report: {name} - {date}";
    public const string DefaultAuthorName = "gitbrief";
    public const string DefaultAuthorEmail = "gitbrief@users.noreply.github.com";

    private const string OnChangeDoc = "`update`: a day already delivered whose report changed is sent again as what changed; `ignore`: it is not";

    private static readonly ConfigValue<string> OnChange = ConfigValues.Choice("update", "ignore");

    public static PublishType Dir { get; } = Type("dir", "the report files in the output directory, optionally copied to another", "`dir`, or `dir:<path>`",
    [
        Key.Checked("path", ConfigValues.Text, "the output directory (`--out`, `output:`)", "also write the report files under this directory, same layout"),
    ]);

    public static PublishType Git { get; } = Type("git", "the report files committed to an archive repository and pushed", "`git:<repo>`",
    [
        Key.Checked("repo", ConfigValues.Text, "`$REPOSITORY` (else required)",
            "the archive: a local path (relative to the current directory), a git URL (`https://`, `ssh://`, `git@host:path`, `file://`) or GitHub's `owner/repo` (when no such directory exists). A URL must not contain a user name, password or token (`https://ghp_…@github.com/…` is a configuration error); the token comes from `token_env`, `GITHUB_TOKEN` or `TOKEN`."),
        Key.Checked("branch", ConfigValues.Text, "the archive's default branch, else `main`",
            "the branch to commit to; created (with only the reports in it) when the archive does not have it yet"),
        Key.Checked("path", ConfigValues.Text, "`reports`", "folder inside the archive; `.` for the root. Must stay inside the repository."),
        Key.Checked("message", ConfigValues.Text, $"`{DefaultArchiveMessage}`",
            "commit message; `{name}` is the repository's short name (`sglang`), `{repository}` its full name (`sgl-project/sglang`), `{date}` the day (`2026-01-12`)"),
        Key.Checked("token_env", ConfigValues.VariableName, "`GITHUB_TOKEN`, then `TOKEN`",
            "the environment variable holding a token for an `https://` archive (sent as an `Authorization` header); for such an archive, naming a variable that is not set is a config error. Not used for other URLs (ssh uses your keys)."),
        Key.Checked("author_name", ConfigValues.Text, $"`{DefaultAuthorName}`", "author and committer name of the commits"),
        Key.Checked("author_email", ConfigValues.Text, $"`{DefaultAuthorEmail}`", "author and committer e-mail"),
        Key.Checked("push", ConfigValues.Bool, "`true`",
            "`false`: commit in the working clone and stop there (nothing leaves the machine and nothing is recorded, so the next run does it again)"),
    ]);

    public static PublishType GitHubIssue { get; } = Type("github-issue", "one GitHub issue per repository-day", "`github-issue:<repo>`",
    [
        Key.Checked("repo", ConfigValues.Text, "required", "the repository that receives the issues, `owner/name`") with { Required = true },
        Key.Checked("token_env", ConfigValues.VariableName, "`GITHUB_TOKEN`, else `TOKEN`",
            "the **name** of the environment variable that holds the token (never the token itself)"),
        Key.Checked("api_url", ConfigValues.Url(), "`https://api.github.com/`", "the REST API root. For GitHub Enterprise Server use `https://HOST/api/v3/`"),
        Key.Checked("title", ConfigValues.Text, "see below", "the issue title, with `{date}` (required), `{name}` (the short repository name) and `{repository}`"),
        Key.Checked("labels", ConfigValues.TextList, "`[gitbrief, daily-report]`",
            "labels put on new issues. Gitbrief finds its issues again by these labels, so at least one is needed"),
        Key.Checked("close_after_days", ConfigValues.Int(0, 36_500), "`30`",
            "closes open issues that carry all the labels and were created more than this many days ago. `0` turns this off"),
        Key.Checked("on_change", OnChange, "`update`", "`update`: a changed report updates its issue's body in place; `ignore`: an issue once posted is left as it was"),
    ]);

    public static PublishType Webhook { get; } = Type("webhook", "the day's digest posted to a chat (Slack, Feishu/Lark, DingTalk, WeCom) or as JSON", "`webhook:<flavor>`",
    [
        Key.Checked("flavor", ConfigValues.Choice("slack", "feishu", "dingtalk", "wecom", "json"), "required", "the platform, which decides the message format and limits")
            with { Required = true },
        Key.Checked("url_env", ConfigValues.VariableName, "required", "the **name** of the environment variable holding the webhook URL (http(s), never in the file)")
            with { Required = true },
        Key.Checked("secret_env", ConfigValues.VariableName, "none",
            "feishu, dingtalk, json: the **name** of the variable holding the signing secret (slack and wecom have none: their URL is the secret)"),
        Key.Checked("max_commits", ConfigValues.Int(0, 100), "`10`", "commits listed at most (fewer when the platform's limit says so)"),
        Key.Checked("on_change", OnChange, "`update`", OnChangeDoc),
        Key.Refused("url", "a webhook URL holds a token and is never read from the file: put it in an environment variable and name that with 'url_env'"),
    ]);

    public static PublishType Email { get; } = Type("email", "one mail per run over SMTP, HTML and plain text", "`email:` followed by the `to` addresses",
    [
        Key.Checked("host", ConfigValues.Text, "required", "SMTP server name or IP address") with { Required = true },
        Key.Checked("port", ConfigValues.Int(1, 65535), "587; 465 when `security: tls`", "SMTP port"),
        Key.Checked("security", ConfigValues.Choice("starttls", "tls", "none"), "`tls` on port 465, `starttls` otherwise",
            "`starttls` (plain connection upgraded with STARTTLS; fails if the server does not offer it), `tls` (TLS from the first byte, \"SMTPS\"), `none` (no encryption: only for a relay on the same host or a trusted network)"),
        Key.Checked("username_env", ConfigValues.VariableName, "none",
            "name of the environment variable with the login (with `password_env`; without them the mail is sent unauthenticated). A named variable that is unset is a configuration error"),
        Key.Checked("password_env", ConfigValues.VariableName, "none", "name of the environment variable with the password (with `username_env`)"),
        Key.Checked("from", ConfigValues.Text, "required", "sender, `address` or `Name <address>`") with { Required = true },
        Key.Checked("to", ConfigValues.TextList, "required", "one or more recipients"),
        Key.Checked("cc", ConfigValues.TextList, "none", "copy recipients"),
        Key.Checked("subject", ConfigValues.Text, "`Gitbrief 每日更新报告 (DATE)` / `Gitbrief daily report (DATE)`",
            "for several days DATE is the range, e.g. `2026-01-10 – 2026-01-12`; `{date}` in a custom subject is replaced the same way"),
        Key.Checked("on_change", OnChange, "`update`", OnChangeDoc),
    ]);

    public static PublishType Site { get; } = Type("site", "the static HTML site rebuilt from the JSON reports", "`site`",
    [
        Key.Checked("path", ConfigValues.Text, "`site`", "where the site is written, relative to the parent of the output directory (like `dir`'s path)"),
        Key.Checked("base_url", ConfigValues.Text, "relative links", "public URL of the site (absolute http/https); makes the Atom links absolute"),
    ]);

    /// <summary>Every type, in the order the docs list them.</summary>
    public static IReadOnlyList<PublishType> All { get; } = [Dir, Git, GitHubIssue, Webhook, Email, Site];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(t => t.Name)];

    public static PublishType? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>A type's section: <c>type</c>, its own keys and <c>name</c> (the target's identity in the publish ledger).</summary>
    private static PublishType Type(string name, string doc, string identity, IReadOnlyList<Key> keys) => new(name, doc, new ConfigSection<TargetSettings>(
    [
        Key.Checked("type", ConfigValues.Choice(name), "required", "this target's type") with { Required = true },
        .. keys,
        Key.Checked("name", ConfigValues.Text, identity, "the target's identity in the publish ledger and in messages; needed when two targets of a type would have the same"),
    ])
    {
        Qualified = false,
        Missing = (_, key) => $"publish target '{name}' needs '{key}'",
    });
}
