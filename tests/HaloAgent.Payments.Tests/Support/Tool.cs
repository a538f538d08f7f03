using System.Diagnostics;

namespace HaloAgent.Payments.Tests.Support;

/// <summary>
/// Runs the command-line tools the real OCR and audio tests need (installed by test.sh: tesseract-ocr, librsvg2-bin,
/// fonts-noto-core, ffmpeg). A missing tool fails the test with the package to install: these tests never skip.
/// </summary>
public static class Tool
{
    public static async Task RunAsync(string name, params string[] arguments)
    {
        var start = new ProcessStartInfo(name) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{name}' is not installed; ./test.sh installs it (apt: tesseract-ocr librsvg2-bin fonts-noto-core ffmpeg).", e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            await Task.WhenAll(stderr, stdout);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{name} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
            }
        }
    }

    /// <summary>Renders SVG markup to PNG bytes with rsvg-convert.</summary>
    public static async Task<byte[]> RenderPngAsync(string svg)
    {
        var directory = Directory.CreateTempSubdirectory("halo-payments-test-");
        try
        {
            var input = Path.Combine(directory.FullName, "in.svg");
            var output = Path.Combine(directory.FullName, "out.png");
            await File.WriteAllTextAsync(input, svg);
            await RunAsync("rsvg-convert", "-f", "png", "-o", output, input);
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>A short OGG/Opus voice note (a sine tone) made by ffmpeg, like WhatsApp's.</summary>
    public static async Task<byte[]> OggOpusToneAsync(double seconds = 1)
    {
        var directory = Directory.CreateTempSubdirectory("halo-payments-test-");
        try
        {
            var output = Path.Combine(directory.FullName, "voice.ogg");
            await RunAsync("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", $"sine=frequency=440:duration={seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}:sample_rate=48000",
                "-c:a", "libopus", "-b:a", "24k", output);
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
