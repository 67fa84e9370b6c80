using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MimeKit;

namespace Gitbrief.Tests.Support;

/// <summary>A real SMTP server on 127.0.0.1 for tests: Debian's python3-aiosmtpd (for /usr/bin/python3, which
/// .ci/run installs) running a small handler that saves every accepted message as an .eml file (and its
/// envelope as .json) and, when a user is given, requires AUTH LOGIN/PLAIN with that user and password over
/// plain text. Killed on dispose.</summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(20);

    private const string Script =
        """
        import json, os, sys, time, uuid
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        host, port, outdir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
        user = os.environ.get("SMTP_TEST_USER")
        password = os.environ.get("SMTP_TEST_PASSWORD")

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword) and user is not None
                  and auth_data.login == user.encode() and auth_data.password == (password or "").encode())
            return AuthResult(success=ok, handled=False)

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                name = os.path.join(outdir, "%020d-%s" % (time.time_ns(), uuid.uuid4().hex))
                with open(name + ".json.tmp", "w") as f:
                    json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos, "authenticated": bool(session.authenticated)}, f)
                with open(name + ".eml.tmp", "wb") as f:
                    f.write(envelope.original_content or envelope.content)
                os.replace(name + ".json.tmp", name + ".json")
                os.replace(name + ".eml.tmp", name + ".eml")
                return "250 Message accepted for delivery"

        controller = Controller(Handler(), hostname=host, port=port, authenticator=authenticator,
                                auth_required=user is not None, auth_require_tls=False)
        controller.start()
        print("ready", flush=True)
        sys.stdin.read()
        controller.stop()
        """;

    private readonly Process process;
    private readonly TempDirectory directory;

    private SmtpServer(Process process, TempDirectory directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    private string MessagesDirectory => directory.Combine("messages");

    /// <summary>Starts a server; with <paramref name="user"/>, only that user with <paramref name="password"/> may send.</summary>
    public static async Task<SmtpServer> StartAsync(string? user = null, string? password = null)
    {
        var directory = new TempDirectory("gitbrief-smtp");
        Directory.CreateDirectory(directory.Combine("messages"));
        var script = directory.Combine("server.py");
        await File.WriteAllTextAsync(script, Script, new UTF8Encoding(false));
        var port = FreePort();
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-u", script, "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture), directory.Combine("messages") })
        {
            start.ArgumentList.Add(argument);
        }
        if (user is not null)
        {
            start.Environment["SMTP_TEST_USER"] = user;
            start.Environment["SMTP_TEST_PASSWORD"] = password ?? string.Empty;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Python}");
        var server = new SmtpServer(process, directory, port);
        try
        {
            var errors = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(StartDeadline);
            var ready = await process.StandardOutput.ReadLineAsync(deadline.Token);
            if (ready != "ready")
            {
                await process.WaitForExitAsync(deadline.Token);
                throw new InvalidOperationException(
                    $"the test SMTP server did not start (is python3-aiosmtpd installed for {Python}? .ci/run installs it): {(await errors).Trim()}");
            }
            await WaitUntilAcceptingAsync(port, deadline.Token);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on (for "server down" tests, and for the server itself).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Connects until the port accepts or the deadline passes (each refused attempt returns at once).</summary>
    private static async Task WaitUntilAcceptingAsync(int port, CancellationToken deadline)
    {
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, deadline);
                return;
            }
            catch (SocketException) when (!deadline.IsCancellationRequested)
            {
                await Task.Yield();
            }
        }
    }

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.EnumerateFiles(MessagesDirectory, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();

    /// <summary>The SMTP envelopes (MAIL FROM, RCPT TO, whether the session authenticated), oldest first.</summary>
    public IReadOnlyList<SmtpEnvelope> Envelopes() =>
        Directory.EnumerateFiles(MessagesDirectory, "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonSerializer.Deserialize<SmtpEnvelope>(File.ReadAllText(f)) ?? throw new InvalidDataException(f))
            .ToList();

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(deadline.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        finally
        {
            process.Dispose();
            directory.Dispose();
        }
    }
}

/// <summary>One SMTP transaction's envelope as the test server saw it.</summary>
public sealed record SmtpEnvelope(
    [property: System.Text.Json.Serialization.JsonPropertyName("from")] string From,
    [property: System.Text.Json.Serialization.JsonPropertyName("to")] IReadOnlyList<string> To,
    [property: System.Text.Json.Serialization.JsonPropertyName("authenticated")] bool Authenticated);
