using System.CommandLine;
using System.Globalization;
using Gitbrief.Common;
using Gitbrief.Store;

namespace Gitbrief.Cli;

/// <summary><c>gitbrief store migrate --from &lt;sqlite file&gt; --to postgresql://…</c>: copies a store (the library's
/// <see cref="StoreMigration"/>) and prints what it copied, table by table.</summary>
internal static class StoreCommand
{
    public static Command Create()
    {
        var command = new Command("store", "Manage the store (run history, LLM answer cache, publish ledger, reports).");
        command.Subcommands.Add(Migrate());
        return command;
    }

    private static Command Migrate()
    {
        var from = new Option<string>("--from") { Description = "The store to copy from: a SQLite file (e.g. ~/.cache/gitbrief/gitbrief.db).", Required = true };
        var to = new Option<string>("--to")
        {
            Description = "The store to copy into: postgresql://user@host:port/database (the password from GITBRIEF_STORE_PASSWORD or PGPASSWORD).",
            Required = true,
        };
        var command = new Command("migrate",
            "Copy runs, work units, LLM answers, publications and reports from one store into another; rows already there are left alone, so running it again copies nothing twice.");
        command.Options.Add(from);
        command.Options.Add(to);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = Location(parse.GetValue(from)!, "--from");
            var target = Location(parse.GetValue(to)!, "--to");
            await Console.Error.WriteLineAsync($"store migrate: {source.Description} → {target.Description}");
            var copies = await StoreMigration.CopyAsync(source, target, cancellationToken);
            foreach (var copy in copies)
            {
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{copy.Table,-13} {copy.Copied,8} copied {copy.AlreadyThere,8} already there"));
            }
            return 0;
        });
        return command;
    }

    private static StoreLocation Location(string text, string option)
    {
        try
        {
            var location = StoreLocation.Parse(text);
            return location.Kind == StoreKind.Sqlite ? StoreLocation.Sqlite(Path.GetFullPath(location.SqlitePath!)) : location;
        }
        catch (FormatException e)
        {
            throw new UsageException($"{option}: {e.Message}");
        }
    }
}
