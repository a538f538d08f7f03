using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace HaloAgent.Bench;

/// <summary>
/// An HTTP client signed in as the demo business's owner on a <see cref="ServerProcess"/> (the server seeds the owner
/// from <c>Demo__OwnerEmail</c> / <c>Demo__OwnerPassword</c>), with the CSRF header every write needs.
/// </summary>
public static class OwnerClient
{
    public const string Email = "owner@bench.test";
    public const string Password = "bench-owner-password-1";

    /// <summary>The server environment that seeds the owner this client signs in as.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Environment() =>
    [
        KeyValuePair.Create("Demo__OwnerEmail", Email),
        KeyValuePair.Create("Demo__OwnerPassword", Password),
    ];

    public static async Task<HttpClient> SignInAsync(int port)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseProxy = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"),
            Timeout = TimeSpan.FromMinutes(5),
        };
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = Email, password = Password });
        if (login.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Owner sign-in answered {(int)login.StatusCode}: {await login.Content.ReadAsStringAsync()}");
        }

        var csrf = login.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).Where(c => c.StartsWith("halo-csrf=", StringComparison.Ordinal))
                .Select(c => Uri.UnescapeDataString(c["halo-csrf=".Length..])).LastOrDefault()
            : null;
        client.DefaultRequestHeaders.Add("X-CSRF-Token", csrf ?? throw new InvalidOperationException("The login set no halo-csrf cookie."));
        return client;
    }

    /// <summary>POSTs <paramref name="body"/> as JSON; throws with the answer unless 2xx; returns the parsed answer (null when empty).</summary>
    public static async Task<JsonNode?> PostJsonAsync(this HttpClient client, string path, object? body)
    {
        using var response = body is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public static async Task<JsonNode?> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text);
    }
}
