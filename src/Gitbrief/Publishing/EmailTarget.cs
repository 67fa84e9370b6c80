using System.Text;
using Gitbrief.Common;
using Gitbrief.Configuration;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Utils;

namespace Gitbrief.Publishing;

/// <summary><c>email</c>: one mail per run over SMTP listing every repository-day not mailed yet (plain text and
/// HTML, see <see cref="EmailDigest"/>). Each report is recorded in the ledger, with the Message-Id as its
/// location, once the server accepted the mail; a mailed report is not mailed again unless the batch says
/// <see cref="PublishBatch.Resend"/>, but a day whose report changed since is in the next mail as what changed
/// (<c>on_change: update</c>, the default; <c>ignore</c> leaves it). Nothing new: no mail, no connection.</summary>
internal sealed class EmailTarget : IPublishTarget
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly string host;
    private readonly int port;
    private readonly SecureSocketOptions security;
    private readonly string? username;
    private readonly string? password;
    private readonly MailboxAddress from;
    private readonly IReadOnlyList<MailboxAddress> to;
    private readonly IReadOnlyList<MailboxAddress> cc;
    private readonly string? subject;
    private readonly TimeSpan timeout;

    private EmailTarget(string id, string host, int port, SecureSocketOptions security, string? username, string? password,
        MailboxAddress from, IReadOnlyList<MailboxAddress> to, IReadOnlyList<MailboxAddress> cc, string? subject, TimeSpan timeout, ChangePolicy onChange)
    {
        Id = id;
        OnChange = onChange;
        this.host = host;
        this.port = port;
        this.security = security;
        this.username = username;
        this.password = password;
        this.from = from;
        this.to = to;
        this.cc = cc;
        this.subject = subject;
        this.timeout = timeout;
    }

    public string Id { get; }

    public string Kind => "email";

    /// <summary>What to do when a day already mailed changed (config <c>on_change</c>).</summary>
    public ChangePolicy OnChange { get; }

    private string Server => $"smtp {host}:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public static IPublishTarget Create(TargetSettings settings, PublishContext context)
    {
        var host = settings.RequiredString("host").Trim();
        if (host.Length == 0 || host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '@'))
        {
            throw settings.Error("host", "'host' must be a host name or an IP address");
        }
        var securityName = settings.Choice("security");
        var port = settings.Int("port") ?? (securityName == "tls" ? 465 : 587);
        var security = (securityName ?? (port == 465 ? "tls" : "starttls")) switch
        {
            "tls" => SecureSocketOptions.SslOnConnect,
            "none" => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        if (settings.Has("username_env") != settings.Has("password_env"))
        {
            throw settings.Error(settings.Has("username_env") ? "username_env" : "password_env", "'username_env' and 'password_env' go together");
        }
        var username = settings.Secret("username_env", context.Environment, required: settings.Has("username_env"));
        var password = settings.Secret("password_env", context.Environment, required: settings.Has("password_env"));
        var from = Address(settings, "from", settings.RequiredString("from"));
        var to = settings.List("to").Select(a => Address(settings, "to", a)).ToList();
        if (to.Count == 0)
        {
            throw settings.Error("to", "publish target 'email' needs 'to' (one or more addresses)");
        }
        var cc = settings.List("cc").Select(a => Address(settings, "cc", a)).ToList();
        var subject = settings.String("subject");
        var id = settings.Identity("email:" + string.Join(",", to.Select(a => a.Address)));
        return new EmailTarget(id, host, port, security, username, password, from, to, cc, subject, DefaultTimeout, ChangePolicies.Read(settings));
    }

    private static MailboxAddress Address(TargetSettings settings, string key, string text) =>
        MailboxAddress.TryParse(text.Trim(), out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal)
            ? mailbox
            : throw settings.Error(key, $"'{key}' has an invalid e-mail address: {text.Trim()}");

    public async Task<TargetOutcome> PublishAsync(PublishBatch batch, PublishLedger ledger, CancellationToken cancellationToken)
    {
        var (pending, skipped) = await ChangePolicies.SortAsync(Id, batch, ledger, OnChange, cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return new TargetOutcome(Id, 0, 0, skipped);
        }

        var message = Compose(EmailDigest.Build(pending, batch, subject), batch.Now);
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        await DeliverAsync(client, message, cancellationToken).ConfigureAwait(false);
        // The server accepted the mail: it must never be sent twice, even if the run is cancelled now.
        foreach (var (report, _) in pending)
        {
            await ledger.RecordAsync(Id, report, "<" + message.MessageId + ">", batch.Now, CancellationToken.None).ConfigureAwait(false);
        }
        await QuitAsync(client).ConfigureAwait(false);
        var updates = pending.Count(p => p.Change is not null);
        return new TargetOutcome(Id, pending.Count - updates, updates, skipped);
    }

    private MimeMessage Compose(EmailDigest digest, DateTimeOffset now)
    {
        var message = new MimeMessage
        {
            Subject = digest.Subject,
            Date = now,
            MessageId = MimeUtils.GenerateMessageId(from.Domain.Length > 0 ? from.Domain : "gitbrief.invalid"),
            Body = new BodyBuilder { TextBody = digest.Text, HtmlBody = digest.Html }.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.AddRange(to);
        message.Cc.AddRange(cc);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    /// <summary>Connects, authenticates when configured and sends, each step within the timeout. Every failure
    /// becomes one line naming the server and the step, never the password.</summary>
    private async Task DeliverAsync(SmtpClient client, MimeMessage message, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var step = "connect";
        try
        {
            deadline.CancelAfter(timeout);
            await client.ConnectAsync(host, port, security, deadline.Token).ConfigureAwait(false);
            if (username is not null && password is not null)
            {
                step = "authentication";
                deadline.CancelAfter(timeout);
                await client.AuthenticateAsync(username, password, deadline.Token).ConfigureAwait(false);
            }
            step = "send";
            deadline.CancelAfter(timeout);
            await client.SendAsync(message, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GitbriefException($"{Server}: {step} timed out after {timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new GitbriefException($"{Server}: {step} failed: {Describe(e)}");
        }
    }

    /// <summary>Says goodbye; the mail is already accepted, so a failure here changes nothing.</summary>
    private async Task QuitAsync(SmtpClient client)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await client.DisconnectAsync(quit: true, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException)
        {
        }
    }

    private string Describe(Exception e)
    {
        var text = e switch
        {
            SmtpCommandException command => $"{(int)command.StatusCode} {command.Message}",
            AuthenticationException authentication => authentication.Message,
            System.Net.Sockets.SocketException socket => socket.Message,
            SslHandshakeException => "TLS handshake failed (check 'security' and 'port', and the server's certificate)",
            _ => e.Message,
        };
        return Scrub(string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
    }

    /// <summary>Removes the password and its SASL encodings, should a server echo them.</summary>
    private string Scrub(string text)
    {
        if (password is null)
        {
            return text;
        }
        foreach (var secret in new[]
                 {
                     password,
                     Convert.ToBase64String(Encoding.UTF8.GetBytes(password)),
                     Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{username}\0{password}")),
                 })
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }
        return text;
    }
}
