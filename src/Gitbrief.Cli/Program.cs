using System.CommandLine;
using System.CommandLine.Help;
using Gitbrief.Cli;

// Reports are UTF-8 whatever the locale says (LANG=C would otherwise print "?" for Chinese text).
Console.OutputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

// A Command named here, not a RootCommand: RootCommand's constructor reads its name from the entry assembly's metadata
// attributes, which wakes Native AOT's reflection binder (~9% of `--help`, bench/README.md "start11").
var root = new Command(RootCommandName.Tool, "Gitbrief: what changed yesterday in the git repositories you follow, ranked and analysed.");
if (HelpRequest.MayAsk(args))
{
    root.Options.Add(new HelpOption());
    root.Options.Add(new VersionOption());
}
root.Options.Add(GlobalOptions.Debug);
root.Options.Add(GlobalOptions.Quiet);
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(SiteCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(StoreCommand.Create());
return await CommandRunner.InvokeAsync(root, args);
