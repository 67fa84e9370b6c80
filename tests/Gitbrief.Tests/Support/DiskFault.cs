using System.Diagnostics;

namespace Gitbrief.Tests.Support;

/// <summary>A real disk fault for one run of the command line, without touching the machine: the run is started in
/// its own user and mount namespaces (<c>unshare -rm</c>, no privileges needed) where <see cref="Directory"/> is
/// replaced by a tiny tmpfs (a disk that fills up) or remounted read-only. The mount vanishes with the process;
/// what the run wrote to other directories stays.</summary>
public sealed record DiskFault(string Script, string Directory)
{
    private static readonly Lazy<bool> Available = new(Probe);

    /// <summary>A tmpfs of <paramref name="kilobytes"/> KB on <paramref name="directory"/>; <paramref name="fill"/> fills it
    /// up before the run starts.</summary>
    public static DiskFault Tiny(string directory, int kilobytes, bool fill = false) => new(
        $"mount -t tmpfs -o size={kilobytes}k tmpfs \"$GB_FAULT_DIR\"" + (fill ? " && (cat /dev/zero > \"$GB_FAULT_DIR/filler\" 2>/dev/null; true)" : ""),
        directory);

    /// <summary><paramref name="directory"/> (created if missing) remounted read-only for the run.</summary>
    public static DiskFault ReadOnly(string directory) => new(
        "mount --bind \"$GB_FAULT_DIR\" \"$GB_FAULT_DIR\" && mount -o remount,bind,ro \"$GB_FAULT_DIR\"", directory);

    /// <summary>Runs the command line in the workspace (with its --out and --cache-dir) under this fault. With
    /// <paramref name="keepTo"/>, what the run left in the faulty directory is copied there before the mount vanishes.</summary>
    public CliResult Run(ReportWorkspace workspace, string[] arguments, string? keepTo = null)
    {
        Assert.True(Available.Value, "disk-fault tests need 'unshare -rm' (unprivileged user and mount namespaces) to mount a tiny tmpfs");
        System.IO.Directory.CreateDirectory(Directory);
        var run = keepTo is null
            ? " && exec \"$@\""
            : " && { \"$@\"; code=$?; cp -a \"$GB_FAULT_DIR/.\" \"$GB_FAULT_KEEP/\"; exit $code; }";
        var environment = new Dictionary<string, string> { ["GB_FAULT_DIR"] = Directory };
        if (keepTo is not null)
        {
            System.IO.Directory.CreateDirectory(keepTo);
            environment["GB_FAULT_KEEP"] = keepTo;
        }
        // The directories travel in the environment, never spliced into the script.
        return CliRunner.RunWrapped(workspace.Root, environment, ["unshare", "-rm", "sh", "-c", Script + run, "sh"],
            [.. arguments, "--out", workspace.Out, "--cache-dir", workspace.Cache]);
    }

    private static bool Probe()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("unshare", ["-rm", "sh", "-c", "mount -t tmpfs -o size=4k tmpfs /mnt"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            probe.WaitForExit();
            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
