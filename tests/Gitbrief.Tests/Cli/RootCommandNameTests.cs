using System.Reflection;
using Gitbrief.Cli;

namespace Gitbrief.Tests.Cli;

/// <summary>The root command's help name given without reflection is the one System.CommandLine finds with it.</summary>
public sealed class RootCommandNameTests
{
    [Fact]
    public void The_help_name_is_the_tools_command_name_in_the_assemblys_metadata()
    {
        var metadata = typeof(RootCommandName).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "System.CommandLine.ToolCommandName");

        Assert.Equal(RootCommandName.Tool, metadata.Value);
    }
}
