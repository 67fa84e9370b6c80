using System.CommandLine;
using Gitbrief.Cli;

var root = new RootCommand("Gitbrief: what changed yesterday in the git repositories you follow, ranked and analysed.");
root.Options.Add(GlobalOptions.Debug);
root.Options.Add(GlobalOptions.Quiet);
root.Subcommands.Add(ReportCommand.Create());
return await CommandRunner.InvokeAsync(root, args);
