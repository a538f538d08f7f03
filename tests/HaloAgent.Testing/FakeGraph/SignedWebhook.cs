using System.Net.Http.Headers;

namespace HaloAgent.Testing.FakeGraph;

/// <summary>A webhook body and the <c>X-Hub-Signature-256</c> value Meta would send with it.</summary>
public sealed record SignedWebhook(byte[] Body, string Signature)
{
    public const string SignatureHeader = "X-Hub-Signature-256";

    /// <summary>A POST of the body to <paramref name="url"/> with its signature header (as Meta sends it).</summary>
    public HttpRequestMessage ToRequest(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(SignatureHeader, Signature);
        return request;
    }
}
