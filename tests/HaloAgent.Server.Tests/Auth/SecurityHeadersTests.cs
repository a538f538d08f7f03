using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HaloAgent.Server.Tests.Support;
using HaloAgent.Engine.Runtime.Persistence;

namespace HaloAgent.Server.Tests.Auth;

/// <summary>Security headers on the API, the app's pages, errors and the web chat page.</summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private HaloAgentFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await HaloAgentFactory.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/api/auth/me", HttpStatusCode.Unauthorized)]
    [InlineData("/api/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("/orders", HttpStatusCode.OK)]
    public async Task Every_response_forbids_framing_sniffing_and_foreign_code(string path, HttpStatusCode status)
    {
        using var response = await _factory.CreateClient().GetAsync(path);

        response.StatusCode.ShouldBe(status);
        var csp = Header(response, "Content-Security-Policy");
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("script-src 'self';");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("object-src 'none'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
        Header(response, "Referrer-Policy").ShouldBe("same-origin");
    }

    [Fact]
    public async Task The_web_chat_page_allows_its_own_inline_script_and_style_by_hash_and_nothing_else_inline()
    {
        using var response = await _factory.CreateClient().GetAsync("/chat/mama-nkechi-kitchen");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var csp = Header(response, "Content-Security-Policy");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-inline");
        var scripts = Regex.Matches(html, "<script>(.*?)</script>", RegexOptions.Singleline);
        var styles = Regex.Matches(html, "<style>(.*?)</style>", RegexOptions.Singleline);
        scripts.Count.ShouldBeGreaterThan(0);
        styles.Count.ShouldBeGreaterThan(0);
        foreach (Match block in scripts.Concat(styles))
        {
            csp.ShouldContain($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(block.Groups[1].Value)))}'");
        }

        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new ShouldAssertException($"{name} is missing on {response.RequestMessage?.RequestUri}");
}
