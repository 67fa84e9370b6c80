using System.Globalization;
using Gitbrief.Bench;

// Benchmarks of gitbrief, run as: dotnet run -c Release --project bench/Gitbrief.Bench -- <benchmark> [options]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Console.OutputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(BenchOptions.Usage);
    return args.Length == 0 ? 2 : 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args[1..]);
}
catch (FormatException e)
{
    Console.Error.WriteLine($"gitbrief-bench: {e.Message}\n\n{BenchOptions.Usage}");
    return 2;
}

return args[0] switch
{
    "report" => await ReportBenchmark.RunAsync(options),
    "llm" => await LlmBenchmark.RunAsync(options),
    "aot" => await AotSmoke.RunAsync(options),
    "install" => await InstallBenchmark.RunAsync(options),
    "fleet" => await FleetBenchmark.RunAsync(options),
    "repos" => await RepositoriesCommand.RunAsync(options),
    _ => Unknown(args[0]),
};

static int Unknown(string benchmark)
{
    Console.Error.WriteLine($"gitbrief-bench: unknown benchmark '{benchmark}'\n\n{BenchOptions.Usage}");
    return 2;
}
