using System.Net;
using System.Net.Http.Json;
using HaloAgent.Server.Auth;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HaloAgent.Server.Tests.Auth;

/// <summary>
/// A signed-in session held as raw cookies (what a thief would copy out of a browser): every request sends exactly the
/// cookies and CSRF token the login gave, so a later request can replay them after logout, a demotion or a removal.
/// </summary>
public sealed class CookieSession : IDisposable
{
    private readonly HttpClient _client;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    private CookieSession(HttpClient client) => _client = client;

    public string CsrfToken { get; private set; } = "";

    /// <summary>Follow the server's cookie updates (a sliding renewal), as a browser would; off: replay the login's cookies only.</summary>
    public bool FollowCookies { get; set; } = true;

    public static async Task<CookieSession> SignInAsync<T>(WebApplicationFactory<T> factory, string email, string password, string? remoteAddress = null)
        where T : class
    {
        var session = new CookieSession(factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }));
        if (remoteAddress is not null)
        {
            session._client.DefaultRequestHeaders.Add(TestRemoteAddress.Header, remoteAddress);
        }

        using var response = await session._client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        session.Take(response);
        return session;
    }

    /// <summary>A copy that sends the same cookies and token and never takes new ones: the stolen cookie.</summary>
    public CookieSession Copy(HttpClient client)
    {
        var copy = new CookieSession(client) { CsrfToken = CsrfToken, FollowCookies = false };
        foreach (var (name, value) in _cookies)
        {
            copy._cookies[name] = value;
        }

        return copy;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) });

    public Task<HttpResponseMessage> PutAsync(string path, object body) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) });

    public Task<HttpResponseMessage> DeleteAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Delete, path));

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        if (request.Method != HttpMethod.Get)
        {
            request.Headers.Add(AuthApi.CsrfHeader, CsrfToken);
        }

        var response = await _client.SendAsync(request);
        if (FollowCookies)
        {
            Take(response);
        }

        return response;
    }

    public void Dispose() => _client.Dispose();

    private void Take(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            return;
        }

        foreach (var cookie in cookies)
        {
            var pair = cookie.Split(';')[0];
            var eq = pair.IndexOf('=');
            var name = pair[..eq];
            var value = pair[(eq + 1)..];
            if (value.Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }

        if (_cookies.TryGetValue(AuthApi.CsrfCookie, out var token))
        {
            CsrfToken = Uri.UnescapeDataString(token);
        }
    }
}
