using System.CommandLine;
using Gitbrief.Common;
using Gitbrief.Pipeline;
using Gitbrief.Server;

// gitbrief-server: the fleet mode (docs/scaling.md). JIT, not Native AOT: Hangfire serializes and invokes jobs by
// reflection. The commands that talk to Hangfire (enqueue, status) live here for the same reason.
Console.OutputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
var root = new RootCommand("gitbrief-server: Gitbrief workers on Hangfire over PostgreSQL, many processes on many machines.");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(EnqueueCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    await Console.Error.WriteLineAsync($"gitbrief-server: error: {parse.Errors[0].Message} (see 'gitbrief-server --help')");
    return ExitCodes.Usage;
}
try
{
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UsageException e)
{
    await Console.Error.WriteLineAsync($"gitbrief-server: error: {e.Message}");
    return ExitCodes.Usage;
}
catch (Exception e) when (e is GitbriefException or Npgsql.NpgsqlException or IOException)
{
    await Console.Error.WriteLineAsync($"gitbrief-server: error: {SecretRedactor.Redact(e.Message)}");
    return ExitCodes.RepositoryFailed;
}
