using System.Globalization;
using System.Runtime.InteropServices;
using Gitbrief.Common;
using Gitbrief.Site;

// gitbrief-serve --port N --dir DIR: what `gitbrief serve` runs in the Native AOT build, with the arguments it has
// checked already (port 1-65535, an existing directory as a full path). Same lines and exit codes as serving in-process.
Console.OutputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
if (args is not ["--port", var portText, "--dir", var directory]
    || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
{
    await Console.Error.WriteLineAsync("gitbrief: error: gitbrief-serve is run by 'gitbrief serve' (--port N --dir DIR)");
    return 2;
}
using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
try
{
    await new SiteServer(directory, port).RunAsync(url => Console.WriteLine($"Serving {directory} at {url} (Ctrl+C to stop)"), stop.Token);
    return 0;
}
catch (EnvironmentException e)
{
    // A port in use: the machine's state, exit code 1 as for every environment fault.
    await Console.Error.WriteLineAsync($"gitbrief: error: {SecretRedactor.Redact(e.Message)}");
    return 1;
}
