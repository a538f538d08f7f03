using System.Net;
using System.Net.Sockets;

namespace HaloAgent.Integrations.Http;

/// <summary>
/// Which addresses an outbound call may reach. Flows and webhook URLs are written by business users, so a URL could
/// point at the server itself, the cloud metadata endpoint (169.254.169.254) or the hosting network; those are refused
/// unless an administrator allows private targets. Checked on every address a name resolves to, at connect time (so a
/// DNS answer that changes between check and use cannot slip through) and for every redirect.
/// </summary>
public static class OutboundTargets
{
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 or 10 or 127 => true,
                100 => b[1] is >= 64 and <= 127,           // carrier-grade NAT
                169 => b[1] == 254,                        // link-local, cloud metadata
                172 => b[1] is >= 16 and <= 31,
                192 => (b[1] == 168) || (b[1] == 0 && b[2] is 0 or 2), // private; IETF and TEST-NET-1
                198 => b[1] is 18 or 19,                   // benchmarking
                >= 224 => true,                            // multicast and reserved
                _ => false,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC                   // unique local fc00::/7
                || address.IsIPv6Teredo || b.Take(12).All(x => x == 0); // ::/96 (IPv4-compatible, unspecified)
        }

        return true;
    }

    /// <summary>Whether <paramref name="address"/> may be called under <paramref name="options"/>.</summary>
    public static bool Permitted(IPAddress address, IntegrationsOptions options) =>
        options.AllowPrivateTargets || !IsPrivate(address)
        || options.AllowedPrivateAddresses.Any(a => IPAddress.TryParse(a, out var allowed) && Normal(allowed).Equals(Normal(address)));

    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>Resolves <paramref name="host"/> and refuses it when any address is not <see cref="Permitted"/>.</summary>
    public static async Task<IPAddress[]> ResolveAsync(string host, IntegrationsOptions options, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new OutboundTargetException($"'{host}' does not resolve to any address.");
        }

        if (addresses.FirstOrDefault(a => !Permitted(a, options)) is { } refused)
        {
            throw new OutboundTargetException(
                $"'{host}' resolves to {refused}, a loopback, private-network or link-local address; such targets are refused (an administrator can allow them with HaloAgent:Integrations:AllowPrivateTargets).");
        }

        return addresses;
    }
}

/// <summary>An outbound URL that may not be called: not http(s), or a private, loopback or link-local target.</summary>
public sealed class OutboundTargetException(string message) : Exception(message);
