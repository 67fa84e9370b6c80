using Gitbrief.Analysis;
using Gitbrief.Sources;

namespace Gitbrief.Tests.Analysis;

/// <summary>Which files the analysis text counts as periphery (benchmarks, examples, tools, scripts…): any directory of the
/// path, in any case, but never its file name.</summary>
public sealed class PeripheralFileTests
{
    [Theory]
    [InlineData("examples/basic/main.rs", true)]
    [InlineData("crates/core/benches/parse.rs", true)]
    [InlineData("src/Tools/Runner.cs", true)]
    [InlineData("a//scripts/run.sh", true)]
    [InlineData("/dev/null.c", true)]
    [InlineData("src/lib.rs", false)]
    [InlineData("tools", false)]
    [InlineData("src/tools.rs", false)]
    [InlineData("src/examples", false)]
    [InlineData("src/Acme.Api.Clients/Group000/Client00000.cs", false)]
    [InlineData("", false)]
    [InlineData("/", false)]
    public void A_periphery_directory_anywhere_before_the_file_name_makes_a_source_file_peripheral(string path, bool peripheral)
    {
        var file = new ClassifiedFile(new FileChange(path, null, FileStatus.Modified, 1, 1, false), FileRole.Source);

        Assert.Equal(peripheral, TextSignals.IsPeripheral(file));
    }
}
