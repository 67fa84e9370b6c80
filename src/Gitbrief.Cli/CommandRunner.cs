using System.CommandLine;
using Gitbrief.Common;
using Gitbrief.Pipeline;

namespace Gitbrief.Cli;

/// <summary>Parses, invokes, and turns failures into one-line errors with the documented exit codes
/// (stack traces only with --debug).</summary>
internal static class CommandRunner
{
    public static async Task<int> InvokeAsync(Command root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            if (CommandSuggestion.For(root, args) is { } unknown)
            {
                await Console.Error.WriteLineAsync($"gitbrief: error: {unknown}");
                return ExitCodes.Usage;
            }
            foreach (var error in parse.Errors.Take(1))
            {
                await Console.Error.WriteLineAsync($"gitbrief: error: {error.Message} (see 'gitbrief --help')");
            }
            return ExitCodes.Usage;
        }
        var debug = parse.GetValue(GlobalOptions.Debug);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            await Console.Error.WriteLineAsync($"gitbrief: error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("gitbrief: interrupted; finished reports are kept");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (EnvironmentFaults.DescribeAny(e) is { } fault)
        {
            // A full or read-only disk, an I/O error, a port in use: the machine's fault, not a bug.
            await Console.Error.WriteLineAsync($"gitbrief: error: {SecretRedactor.Redact(fault)}");
            return ExitCodes.RepositoryFailed;
        }
        catch (GitbriefException e)
        {
            // Expected failures the library names (what and where): not a bug.
            await Console.Error.WriteLineAsync($"gitbrief: error: {e.Message}");
            return ExitCodes.RepositoryFailed;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"gitbrief: error: {SecretRedactor.Redact(e.Message)}");
            if (debug)
            {
                await Console.Error.WriteLineAsync(SecretRedactor.Redact(e.ToString()));
            }
            else
            {
                await Console.Error.WriteLineAsync("gitbrief: this is a bug; run again with --debug for details");
            }
            return ExitCodes.InternalError;
        }
    }
}
