using System.Diagnostics;
using System.Globalization;
using System.Security;
using System.Text;

namespace HaloAgent.Server.Tests.Payments;

/// <summary>
/// Transfer receipts drawn as SVG in a bank app's layout (brand bar, headline, big amount, label/value rows) and rendered
/// to PNG with rsvg-convert, so the server's real OCR (tesseract) reads them. Installed by test.sh: librsvg2-bin,
/// fonts-noto-core, tesseract-ocr.
/// </summary>
public static class ReceiptImages
{
    /// <summary>A GTBank-style receipt for <paramref name="amountKobo"/> paid at <paramref name="paidAt"/> (shown in WAT) with <paramref name="narration"/>.</summary>
    public static Task<byte[]> TransferAsync(long amountKobo, DateTimeOffset paidAt, string narration, double blur = 0)
    {
        var amount = "₦" + (amountKobo / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);
        var wat = paidAt.ToOffset(TimeSpan.FromHours(1));
        string[][] rows =
        [
            ["Transaction Date", wat.ToString("d MMM yyyy, hh:mm tt", CultureInfo.InvariantCulture)],
            ["Sender", "ADA OKONKWO"],
            ["Beneficiary", "MAMA NKECHI KITCHEN"],
            ["Beneficiary Bank", "Moniepoint"],
            ["Narration", narration],
            ["Session ID", "000013" + wat.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture) + "345678901234"],
            ["Status", "Successful"],
        ];
        var body = new StringBuilder();
        body.Append(Text(40, 200, "Transaction Receipt", 30, "#222222"));
        body.Append(Text(40, 280, amount, 52, "#111111", bold: true));
        var y = 350;
        foreach (var row in rows)
        {
            body.Append(Text(40, y, row[0], 25, "#666666"));
            if (row[1].Length > 22)
            {
                y += 40;
                body.Append(Text(40, y, row[1], 25, "#111111"));
            }
            else
            {
                body.Append(Text(360, y, row[1], 25, "#111111"));
            }

            y += 58;
        }

        var height = y + 60;
        var filter = blur > 0
            ? $"<defs><filter id=\"b\"><feGaussianBlur stdDeviation=\"{blur.ToString(CultureInfo.InvariantCulture)}\"/></filter></defs><g filter=\"url(#b)\">"
            : "<g>";
        return RenderAsync($"""
            <svg xmlns="http://www.w3.org/2000/svg" width="720" height="{height}" viewBox="0 0 720 {height}">
            {filter}
            <rect width="720" height="{height}" fill="#ffffff"/>
            <rect width="720" height="120" fill="#dd4f05"/>
            {Text(40, 78, "GTBank", 44, "#ffffff", bold: true)}
            {body}
            </g>
            </svg>
            """);
    }

    /// <summary>A picture with no text at all (a photo of food sent by mistake).</summary>
    public static Task<byte[]> NoTextAsync() => RenderAsync("""
        <svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
          <rect width="600" height="600" fill="#f4f1e8"/>
          <circle cx="200" cy="220" r="140" fill="#e07a5f"/>
          <rect x="320" y="320" width="200" height="180" fill="#3d405b" transform="rotate(12 420 410)"/>
        </svg>
        """);

    private static string Text(int x, int y, string text, int size, string colour, bool bold = false) =>
        $"<text x=\"{x}\" y=\"{y}\" font-family=\"Noto Sans\" font-size=\"{size}\"{(bold ? " font-weight=\"bold\"" : "")} fill=\"{colour}\">{SecurityElement.Escape(text)}</text>\n";

    private static async Task<byte[]> RenderAsync(string svg)
    {
        var directory = Directory.CreateTempSubdirectory("halo-receipt-");
        try
        {
            var input = Path.Combine(directory.FullName, "receipt.svg");
            var output = Path.Combine(directory.FullName, "receipt.png");
            await File.WriteAllTextAsync(input, svg);
            await RunAsync("rsvg-convert", "-f", "png", "-o", output, input);
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Runs a tool; a missing one fails the test naming the package (these tests never skip).</summary>
    public static async Task RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (apt: librsvg2-bin ffmpeg).");
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await stderr}");
        }
    }
}
