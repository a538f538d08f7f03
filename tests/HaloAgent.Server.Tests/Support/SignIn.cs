using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HaloAgent.Server.Auth;

namespace HaloAgent.Server.Tests.Support;

/// <summary>Signs an HTTP client in the way the Studio does: login, then the CSRF cookie's value in a header on every change.</summary>
public static class SignIn
{
    /// <summary>Signs in (the client must keep cookies); returns the <c>/api/auth/login</c> profile.</summary>
    public static async Task<JsonObject> AsAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var token = CsrfToken(response) ?? throw new InvalidOperationException($"The login set no {AuthApi.CsrfCookie} cookie.");
        client.DefaultRequestHeaders.Remove(AuthApi.CsrfHeader);
        client.DefaultRequestHeaders.Add(AuthApi.CsrfHeader, token);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static string? CsrfToken(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).Where(c => c.StartsWith(AuthApi.CsrfCookie + "=", StringComparison.Ordinal))
                .Select(c => Uri.UnescapeDataString(c[(AuthApi.CsrfCookie.Length + 1)..])).LastOrDefault()
            : null;
}
