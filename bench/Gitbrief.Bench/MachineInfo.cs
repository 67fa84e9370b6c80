using System.Runtime.InteropServices;

namespace Gitbrief.Bench;

/// <summary>What the figures were measured on: cores, CPU, OS, git and .NET versions, and how busy the machine was.</summary>
internal static class MachineInfo
{
    public static async Task<IReadOnlyList<string>> DescribeAsync(string root)
    {
        var git = (await ProcessRunner.RunAsync("git", ["--version"]).ConfigureAwait(false)).Output.Trim();
        var sdk = (await ProcessRunner.RunAsync("dotnet", ["--version"], root).ConfigureAwait(false)).Output.Trim();
        return
        [
            $"cores: {Environment.ProcessorCount} ({Cpu()})",
            $"os: {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}",
            $"git: {git}",
            $".NET: SDK {sdk}, runtime {RuntimeInformation.FrameworkDescription}",
            $"load average before the run: {LoadAverage()}",
        ];
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + " (1, 5, 15 min)";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string Cpu()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
