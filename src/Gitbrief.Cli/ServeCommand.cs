using System.CommandLine;
using Gitbrief.Common;
using Gitbrief.Site;

namespace Gitbrief.Cli;

/// <summary><c>gitbrief serve</c>: serves a built site on 127.0.0.1 until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port", "-p") { Description = "Port on 127.0.0.1. Default: 8000.", DefaultValueFactory = _ => 8000 };
        var directory = new Option<string>("--dir") { Description = "The site directory. Default: site." };
        var command = new Command("serve", "Serve the static site on http://127.0.0.1 (Ctrl+C stops).");
        command.Options.Add(port);
        command.Options.Add(directory);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var number = parse.GetValue(port);
            if (number is < 1 or > 65535)
            {
                throw new UsageException($"--port must be between 1 and 65535, not {number}");
            }
            var root = Path.GetFullPath(parse.GetValue(directory) ?? "site");
            if (!Directory.Exists(root))
            {
                throw new UsageException($"site directory not found: {root} (build it with 'gitbrief site --out {parse.GetValue(directory) ?? "site"}')");
            }
            var server = new SiteServer(root, number);
            await server.RunAsync(url => Console.WriteLine($"Serving {root} at {url} (Ctrl+C to stop)"), cancellationToken);
            return 0;
        });
        return command;
    }
}
