using System.Globalization;

namespace Gitbrief.Bench;

/// <summary>CPU time spent by processes, from /proc: a process's own (user + system) and that of the children it has
/// waited for (git processes a server ran, PostgreSQL backends that ended), plus that of its live children (the
/// backends still connected). Linux only; zero elsewhere or for a process that is gone.</summary>
internal static class CpuTime
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on every Linux the bench runs on

    /// <summary>The CPU seconds of a process tree's top two levels: the process, its reaped children and its live children.</summary>
    public static double Of(int pid)
    {
        var total = Fields(pid) is { } own ? Seconds(own, withChildren: true) : 0;
        foreach (var child in ChildrenOf(pid))
        {
            total += Fields(child) is { } fields ? Seconds(fields, withChildren: true) : 0;
        }
        return total;
    }

    /// <summary>This process's own CPU seconds (the bench, with the LLM simulator in it).</summary>
    public static double OfSelf() => Environment.ProcessId is var pid && Fields(pid) is { } own ? Seconds(own, withChildren: false) : 0;

    private static double Seconds(string[] fields, bool withChildren)
    {
        // After "pid (comm)": field 14 utime, 15 stime, 16 cutime, 17 cstime (1-based, man 5 proc) = index 11..14 here.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        if (withChildren)
        {
            ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        }
        return ticks / TicksPerSecond;
    }

    /// <summary>The fields of /proc/pid/stat after the command name (which may hold spaces and parentheses).</summary>
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Fields(pid) is { } fields && fields[1] == parent.ToString(CultureInfo.InvariantCulture))
            {
                children.Add(pid);
            }
        }
        return children;
    }
}
