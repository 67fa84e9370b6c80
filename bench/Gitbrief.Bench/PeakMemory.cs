using System.Diagnostics;
using System.Globalization;

namespace Gitbrief.Bench;

/// <summary>The peak resident set size of a running child process, read from Linux's
/// <c>/proc/PID/status</c> (<c>VmHWM</c>, the kernel's own high-water mark) every millisecond until the
/// process exits; the last reading is the figure, so growth in the last millisecond may be missed.
/// 0 where /proc is not available.</summary>
internal static class PeakMemory
{
    public static async Task<long> SampleAsync(Process process)
    {
        var status = $"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/status";
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, Read(status));
            await Task.Delay(1).ConfigureAwait(false);
        }
        return peak;
    }

    private static long Read(string status)
    {
        try
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kib = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kib, NumberStyles.None, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // the process exited between two readings
        }
        catch (UnauthorizedAccessException)
        {
            // not ours to read
        }
        return 0;
    }
}
