using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Gitbrief.Tests.Support;

/// <summary>A real, throw-away PostgreSQL cluster for the tests: Debian's <c>postgresql</c> binaries (.ci/run installs
/// them), <c>initdb</c> into a temporary directory, the server on a free 127.0.0.1 port (and a unix socket in that
/// directory), password authentication over TCP with a random password, stopped (<c>pg_ctl stop -m immediate</c>)
/// and deleted on dispose. As root (initdb refuses root) every PostgreSQL program runs as the <c>postgres</c>
/// system user, which owns the directory. One cluster per test run (the <see cref="PostgresCollection"/> fixture);
/// each test class makes its own database with <see cref="CreateDatabaseAsync"/>. Without PostgreSQL the tests
/// fail, naming the package to install — they never skip.</summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    /// <summary>The cluster's superuser (not the system user it runs as).</summary>
    public const string User = "gitbrief";

    private const string SystemUser = "postgres";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private static int databases;

    private TempDirectory? directory;

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    /// <summary>The superuser's password: tests hand it to gitbrief through PGPASSWORD or GITBRIEF_STORE_PASSWORD.</summary>
    public string Password { get; } = "pw-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public string BinDirectory { get; private set; } = string.Empty;

    private string Root => directory?.Path ?? throw new InvalidOperationException("the PostgreSQL cluster is not started");

    private string DataDirectory => Path.Combine(Root, "data");

    private string LogFile => Path.Combine(Root, "server.log");

    public async Task InitializeAsync()
    {
        BinDirectory = FindBinDirectory();
        directory = new TempDirectory("gitbrief-pg");
        var passwordFile = Path.Combine(Root, "password");
        await File.WriteAllTextAsync(passwordFile, Password + "\n", new UTF8Encoding(false));
        if (RunsAsRoot)
        {
            await RunAsync("chown", ["-R", $"{SystemUser}:", Root]);
        }
        await RunPostgresToolAsync("initdb",
            ["-D", DataDirectory, "-U", User, "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256",
             "-E", "UTF8", "--locale=C", "--no-sync"]);
        File.Delete(passwordFile);
        Port = FreePort();
        var settings = string.Join('\n',
            "listen_addresses = '127.0.0.1'",
            $"port = {Port.ToString(CultureInfo.InvariantCulture)}",
            $"unix_socket_directories = '{Root}'",
            "max_connections = 200",
            // fsync off costs nothing here (the machine does not crash under a test); commits stay synchronous, so an
            // immediate stop (a server crash) loses nothing that was committed, as on a real server.
            "fsync = off",
            "full_page_writes = off",
            "shared_buffers = 32MB",
            "log_min_messages = warning",
            "");
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), settings, new UTF8Encoding(false));
        await StartAsync();
    }

    /// <summary>A connection string for <paramref name="database"/> as the superuser, with the password.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = User,
        Password = Password,
        Database = database,
        Pooling = false,
        Timeout = 15,
    }.ConnectionString;

    /// <summary>The store URL gitbrief is configured with (no password: that comes from the environment).</summary>
    public string Url(string database) => $"postgresql://{User}@{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/{database}";

    /// <summary>A new, empty database named after <paramref name="prefix"/> (unique in this cluster); returns its name.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = $"{Sanitize(prefix)}_{Interlocked.Increment(ref databases).ToString(CultureInfo.InvariantCulture)}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>Starts the server (after <see cref="StopAsync"/>) and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        await RunPostgresToolAsync("pg_ctl", ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "start"]);
        await WaitUntilAcceptingAsync();
    }

    /// <summary>Stops the server at once, as a crash would (<c>-m immediate</c>: no checkpoint, connections cut).</summary>
    public Task StopAsync() => RunPostgresToolAsync("pg_ctl", ["-D", DataDirectory, "-w", "-m", "immediate", "stop"]);

    /// <summary>Restarts the server (immediate stop, then start): every open connection is cut, as in
    /// "PostgreSQL restarting mid-run".</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    /// <summary>The running server's process id (the postmaster, parent of every backend), from its pid file; null when stopped.</summary>
    public int? ServerProcessId =>
        File.Exists(Path.Combine(DataDirectory, "postmaster.pid"))
        && int.TryParse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : null;

    /// <summary>The server log so far (for a failing test's message).</summary>
    public string ReadLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : string.Empty;

    public async Task DisposeAsync()
    {
        if (directory is null)
        {
            return;
        }
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await StopAsync();
            }
            catch (InvalidOperationException)
            {
                // already stopped
            }
        }
        directory.Dispose();
        directory = null;
    }

    /// <summary>The directory of initdb/pg_ctl: <c>pg_config --bindir</c> when it has them, else the newest
    /// <c>/usr/lib/postgresql/*/bin</c>.</summary>
    public static string FindBinDirectory()
    {
        var candidates = new List<string>();
        try
        {
            var start = new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start);
            if (process is not null)
            {
                var output = process.StandardOutput.ReadToEnd().Trim();
                process.WaitForExit();
                if (process.ExitCode == 0 && output.Length > 0)
                {
                    candidates.Add(output);
                }
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // no pg_config on PATH
        }
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0));
        }
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL is not installed: the PostgreSQL store tests need initdb and pg_ctl (pg_config --bindir or /usr/lib/postgresql/*/bin). " +
                "Install Debian's postgresql package (apt-get install postgresql); .ci/run does.");
    }

    private async Task WaitUntilAcceptingAsync()
    {
        var deadline = DateTime.UtcNow + StartDeadline;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString());
                await connection.OpenAsync();
                return;
            }
            catch (Exception e) when (e is NpgsqlException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private Task RunPostgresToolAsync(string tool, IReadOnlyList<string> arguments)
    {
        var program = Path.Combine(BinDirectory, tool);
        return RunsAsRoot ? RunAsync("runuser", ["-u", SystemUser, "--", program, .. arguments]) : RunAsync(program, arguments);
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = directory?.Path ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Remove("PGDATA");
        start.Environment.Remove("PGPORT");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output}{await error}\n{ReadLog()}");
        }
    }

    private static bool RunsAsRoot => geteuid() == 0;

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();

    private static string Sanitize(string prefix) =>
        new([.. prefix.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').Take(30)]);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The test classes that share the run's <see cref="PostgresCluster"/> (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
