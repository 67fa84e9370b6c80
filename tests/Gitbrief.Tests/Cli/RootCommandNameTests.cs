using System.CommandLine;
using System.Reflection;
using Gitbrief.Cli;

namespace Gitbrief.Tests.Cli;

/// <summary>The root command's names given without reflection are the ones System.CommandLine finds with it.</summary>
public sealed class RootCommandNameTests
{
    [Fact]
    public void The_help_name_is_the_tools_command_name_in_the_assemblys_metadata()
    {
        var metadata = typeof(RootCommandName).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "System.CommandLine.ToolCommandName");

        Assert.Equal(metadata.Value, RootCommandName.Tool);
    }

    [Fact]
    public void The_preset_executable_name_is_the_one_the_library_computes()
    {
        var field = typeof(RootCommand).GetField("_executableName", BindingFlags.NonPublic | BindingFlags.Static);
        Assert.NotNull(field);
        var before = RootCommandName.ExecutableName(null);
        try
        {
            RootCommandName.ExecutableName(null) = null;
            var computed = RootCommand.ExecutableName;
            RootCommandName.ExecutableName(null) = null;

            RootCommandName.Preset();

            Assert.Equal(computed, RootCommandName.ExecutableName(null));
            Assert.Equal(computed, new RootCommand().Name);
        }
        finally
        {
            RootCommandName.ExecutableName(null) = before;
        }
    }
}
