using System.Net.Http.Headers;

namespace HaloAgent.Testing.FakePaystack;

/// <summary>A webhook body and the <c>x-paystack-signature</c> Paystack would send with it.</summary>
public sealed record FakePaystackWebhook(byte[] Body, string Signature)
{
    public const string SignatureHeader = "x-paystack-signature";

    /// <summary>A POST of the body to <paramref name="url"/> with its signature header (as Paystack sends it).</summary>
    public HttpRequestMessage ToRequest(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(SignatureHeader, Signature);
        return request;
    }
}
