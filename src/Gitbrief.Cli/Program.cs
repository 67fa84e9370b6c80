using System.CommandLine;
using Gitbrief.Cli;

// Reports are UTF-8 whatever the locale says (LANG=C would otherwise print "?" for Chinese text).
Console.OutputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

var root = new RootCommand("Gitbrief: what changed yesterday in the git repositories you follow, ranked and analysed.")
{
    HelpName = RootCommandName.Tool,
};
root.Options.Add(GlobalOptions.Debug);
root.Options.Add(GlobalOptions.Quiet);
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(SiteCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(StoreCommand.Create());
return await CommandRunner.InvokeAsync(root, args);
