using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace HaloAgent.Integrations.Http;

/// <summary>The answer to an outbound request: status, the body (cut at the configured size) and whether it was cut.</summary>
public sealed record GuardedResponse(int Status, string Body, bool Truncated, string? ContentType);

/// <summary>
/// The one HTTP client for calls users configure (flow HTTP steps, outgoing webhooks). No proxy (it would connect on
/// our behalf, past the address check), every connection checked in <see cref="SocketsHttpHandler.ConnectCallback"/>,
/// redirects followed by hand (at most <see cref="MaxRedirects"/>) so each new URL is checked too, the whole exchange
/// bounded by a timeout and the body by a size.
/// </summary>
public sealed class GuardedHttp : IDisposable
{
    public const int MaxRedirects = 3;

    private readonly IOptionsMonitor<IntegrationsOptions> _options;
    private readonly HttpClient _client;

    public GuardedHttp(IOptionsMonitor<IntegrationsOptions> options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Checks that <paramref name="url"/> is an absolute http(s) URL (https only when private targets are not allowed and <paramref name="httpsOnly"/>).</summary>
    public static Uri ParseUrl(string? url, bool httpsOnly)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            throw new OutboundTargetException($"'{url}' is not an absolute http or https URL.");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new OutboundTargetException("The URL may not carry a user name or password; send credentials in a header.");
        }

        if (httpsOnly && uri.Scheme != "https")
        {
            throw new OutboundTargetException($"'{url}' must use https.");
        }

        return uri;
    }

    /// <summary>Sends the request built by <paramref name="build"/> (called again for each redirect hop when following them).</summary>
    public async Task<GuardedResponse> SendAsync(
        Func<Uri, HttpRequestMessage> build, Uri url, TimeSpan timeout, CancellationToken cancellationToken, bool followRedirects = true)
    {
        var options = _options.CurrentValue;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            for (var hop = 0; ; hop++)
            {
                // Checked here as well as at connect: a clear error before any connection, and a pooled connection to
                // an allowed host is never reused for a refused one.
                await OutboundTargets.ResolveAsync(url.IdnHost, options, deadline.Token);
                using var request = build(url);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                var status = (int)response.StatusCode;
                if (followRedirects && status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
                {
                    if (hop >= MaxRedirects)
                    {
                        throw new HttpRequestException($"More than {MaxRedirects} redirects from {url.GetLeftPart(UriPartial.Path)}.");
                    }

                    url = ParseUrl(new Uri(url, location).ToString(), httpsOnly: false);
                    continue;
                }

                var (body, truncated) = await ReadBoundedAsync(response, options.MaxResponseBytes, deadline.Token);
                return new GuardedResponse(status, body, truncated, response.Content.Headers.ContentType?.MediaType);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No complete answer from {url.Host} within {timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException ex) when (FindRefusal(ex) is { } refusal)
        {
            throw refusal;
        }
    }

    private static OutboundTargetException? FindRefusal(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is OutboundTargetException refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private static async Task<(string Body, bool Truncated)> ReadBoundedAsync(HttpResponseMessage response, int max, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[max + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        var truncated = read > max;
        return (Encoding.UTF8.GetString(buffer, 0, Math.Min(read, max)), truncated);
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await OutboundTargets.ResolveAsync(context.DnsEndPoint.Host, _options.CurrentValue, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _client.Dispose();
}
