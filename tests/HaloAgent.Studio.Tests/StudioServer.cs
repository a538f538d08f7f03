using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Server.Studio;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing;
using HaloAgent.Testing.Browser;
using HaloAgent.Testing.FakeGraph;
using Microsoft.Playwright;

namespace HaloAgent.Studio.Tests;

/// <summary>
/// The real server on Kestrel (SQLite) serving the built Studio (src/HaloAgent.Studio/dist, built by the server's
/// project when needed), a fake Graph server for WhatsApp, and one headless Chromium, shared by a class's tests.
/// </summary>
public sealed class StudioServer : IAsyncLifetime
{
    public const string AppSecret = "studio-test-secret";
    public const string OwnerEmail = "owner@studio.test";
    public const string OwnerPassword = "owner-password-123";

    /// <summary>The demo business's WhatsApp Business Account id (its templates on the fake Graph server).</summary>
    public const string BusinessAccountId = "104996635661111";

    public HaloAgentFactory Factory { get; private set; } = null!;

    public FakeGraphServer Graph { get; private set; } = null!;

    public HeadlessChromium Chromium { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var dist = Path.Combine(RepositoryRoot.Path, "src", "HaloAgent.Studio", "dist");
        if (!File.Exists(Path.Combine(dist, "index.html")))
        {
            throw new InvalidOperationException($"The Studio is not built ({dist}): build src/HaloAgent.Server with npm installed, or run npm run build in src/HaloAgent.Studio.");
        }

        Graph = await FakeGraphServer.StartAsync();
        Factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            [StudioHosting.PathSetting] = dist,
            ["Demo:OwnerEmail"] = OwnerEmail,
            ["Demo:OwnerPassword"] = OwnerPassword,
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:VerifyToken"] = "verify-me",
            ["WhatsApp:GraphBaseUrl"] = Graph.BaseUrl,
            ["WhatsApp:PhoneNumberId"] = WhatsAppWebhookBuilder.DefaultPhoneNumberId,
            ["WhatsApp:AccessToken"] = Graph.AccessToken,
            ["WhatsApp:BusinessAccountId"] = BusinessAccountId,
            ["WhatsApp:PairSpacing"] = "00:00:00",
            ["HaloAgent:Auth:LoginAttemptsPerMinute"] = "1000",
            // No quiet hours (start = end): a broadcast walk sends at once whatever the hour in Lagos when it runs.
            ["HaloAgent:Marketing:QuietHoursStart"] = "00:00:00",
            ["HaloAgent:Marketing:QuietHoursEnd"] = "00:00:00",
            ["HaloAgent:Marketing:PollInterval"] = "00:00:00.500",
            // The integrations walk's webhook receiver is on loopback; its retry waits long enough that Resend is what sends again.
            ["HaloAgent:Integrations:AllowPrivateTargets"] = "true",
            ["HaloAgent:Integrations:FirstRetryDelay"] = "01:00:00",
        });
        Factory.UseKestrel(0);
        Factory.StartServer();
        using (var client = Factory.CreateClient())
        {
            BaseAddress = client.BaseAddress!;
        }

        Chromium = await HeadlessChromium.LaunchAsync();
        // Expect(...) waits as long as the contexts' actions do (its 5 s default is short for the shared machine).
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await Factory.DisposeAsync();
        await Graph.DisposeAsync();
    }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>Collects the page's CSP violations (the browser reports each one as an event) into window.__csp.</summary>
    private const string CspRecorder = """
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', e => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
        """;

    /// <summary>
    /// A fresh browser context (its own cookies) with a page of the given size (a laptop unless told); Playwright's
    /// waits are generous for the shared 2-core machine.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1500, int height = 950)
    {
        var context = await Chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(CspRecorder);
        var page = await context.NewPageAsync();
        // Browser-side errors end up next to the screenshots: a failed wait then says why the page did not render.
        var log = Path.Combine(HeadlessChromium.ArtifactsDirectory, "studio-browser-errors.log");
        page.PageError += (_, error) => File.AppendAllText(log, $"{DateTimeOffset.UtcNow:O} {page.Url} page error: {error}\n");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                File.AppendAllText(log, $"{DateTimeOffset.UtcNow:O} {page.Url} console: {message.Text}\n");
            }
        };
        return page;
    }

    /// <summary>Signs in through the login page, as a person would.</summary>
    public async Task<IPage> SignInAsync(string email, string password, string path = "/", int width = 1500, int height = 950)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync(Url(path));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await page.Locator(".topbar .user").WaitForAsync();
        return page;
    }

    /// <summary>What the page's Content-Security-Policy refused so far.</summary>
    public static async Task<string[]> CspViolationsAsync(IPage page) => await page.EvaluateAsync<string[]>("() => window.__csp");

    /// <summary>A new user of the business (the demo one unless named) with the role; returns their e-mail and password.</summary>
    public async Task<(string Email, string Password)> UserAsync(string role, string? businessSlug = null)
    {
        var directory = (HaloAgent.Commerce.Businesses.IBusinessDirectory)Factory.Services.GetService(typeof(HaloAgent.Commerce.Businesses.IBusinessDirectory))!;
        var business = await directory.FindBySlugAsync(businessSlug ?? HaloAgent.Commerce.Businesses.DemoBusinessSeeder.DemoSlug, default)
            ?? throw new InvalidOperationException($"No business '{businessSlug}'.");
        var email = $"{role}-{Guid.NewGuid():N}@studio.test";
        const string password = "a-long-test-password";
        var users = (HaloAgent.Server.Auth.UserDirectory)Factory.Services.GetService(typeof(HaloAgent.Server.Auth.UserDirectory))!;
        await users.CreateAsync(business.Id, email, $"Test {role}", role, password, default);
        return (email, password);
    }
}
