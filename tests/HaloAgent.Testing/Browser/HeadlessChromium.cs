using Microsoft.Playwright;

namespace HaloAgent.Testing.Browser;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by test.sh) driven by Playwright, headless. Playwright's own
/// browser download cannot work here, so the executable is given; the flags keep Chromium off the (closed) network.
/// Screenshots go to <see cref="ArtifactsDirectory"/> so a run keeps pictures of the key screens.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string DefaultExecutable = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Where screenshots are kept: <c>HALO_TEST_ARTIFACTS</c>, or artifacts/screenshots under the repository.</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("HALO_TEST_ARTIFACTS");
            var directory = configured ?? Path.Combine(Testing.RepositoryRoot.Path, "artifacts", "screenshots");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("HALO_CHROMIUM") ?? DefaultExecutable;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium is not installed at {executable}: run ./test.sh (it installs Debian's chromium) or set HALO_CHROMIUM.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
        return new HeadlessChromium(playwright, browser);
    }

    /// <summary>Saves a full-page screenshot named after the test step; returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ArtifactsDirectory, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
