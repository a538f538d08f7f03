using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace HaloAgent.Server.Auth;

/// <summary>
/// A browser that signed in to an account before gets a protected <c>halo-device</c> cookie naming the account. Its
/// sign-ins to that account are limited per device instead of per address and per account, so an attacker guessing
/// the owner's password (from the owner's shared address, or from many) cannot lock the owner out of their own browser,
/// and cannot get such a cookie without the password.
/// </summary>
public static class TrustedDevice
{
    public const string Cookie = "halo-device";
    private const string Purpose = "HaloAgent.Auth.TrustedDevice.v1";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    public sealed record Device(string Email, string Id);

    /// <summary>The device cookie of the request when it is genuine; null otherwise.</summary>
    public static Device? Read(HttpContext context)
    {
        if (context.Request.Cookies[Cookie] is not { Length: > 0 and < 2048 } value)
        {
            return null;
        }

        try
        {
            var json = Protector(context).Unprotect(value);
            return JsonSerializer.Deserialize<Device>(json) is { Email.Length: > 0, Id.Length: > 0 } device ? device : null;
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Marks the browser as one the account signed in from (keeps its id when it already was).</summary>
    public static void Issue(HttpContext context, string email, Device? current)
    {
        var device = current is not null && current.Email == email ? current : new Device(email, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        context.Response.Cookies.Append(Cookie, Protector(context).Protect(JsonSerializer.Serialize(device)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/api/auth",
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    private static IDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
