using System.ComponentModel;
using System.Diagnostics;

namespace HaloAgent.Payments.Processes;

/// <summary>
/// Runs a command-line tool (tesseract, ffmpeg) with arguments passed as a list (never through a shell, so a file name
/// cannot inject anything), reads both streams concurrently (a full stderr pipe would otherwise block the tool), and
/// kills the whole process tree on timeout or cancellation so no orphan keeps a core busy.
/// </summary>
internal static class ExternalProcess
{
    public static async Task<(ProcessOutcome Outcome, ProcessResult? Result)> RunAsync(
        string fileName, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Tesseract parallelises with OpenMP by default; on a small shared machine that costs more than it gains.
        start.Environment["OMP_THREAD_LIMIT"] = "1";

        using var process = new Process { StartInfo = start };
        try
        {
            if (!process.Start())
            {
                return (ProcessOutcome.NotFound, null);
            }
        }
        catch (Win32Exception)
        {
            return (ProcessOutcome.NotFound, null);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return (ProcessOutcome.TimedOut, null);
        }

        return (ProcessOutcome.Exited, new ProcessResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false)));
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It ended on its own between the timeout and the kill.
        }
    }
}
