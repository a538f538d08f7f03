using System.Text;
using HaloAgent.Payments.Paystack;
using HaloAgent.Testing.FakePaystack;

namespace HaloAgent.Payments.Tests.Paystack;

public sealed class PaystackSignatureTests
{
    private const string Secret = FakePaystackServer.DefaultSecretKey;

    private static FakePaystackWebhook Hook() =>
        FakePaystackServer.Sign(Encoding.UTF8.GetBytes("""{"event":"charge.success","data":{"id":1,"reference":"HLO-7K2Q9","amount":1800000,"currency":"NGN"}}"""), Secret);

    [Fact]
    public void A_body_signed_with_the_secret_key_is_valid()
    {
        var hook = Hook();

        PaystackSignature.IsValid(Secret, hook.Signature, hook.Body).ShouldBeTrue();
        PaystackSignature.IsValid(Secret, hook.Signature.ToUpperInvariant(), hook.Body).ShouldBeTrue();
        PaystackSignature.Compute(Secret, hook.Body).ShouldBe(hook.Signature);
        hook.Signature.Length.ShouldBe(128);
    }

    [Fact]
    public void A_known_vector_matches_hmac_sha512()
    {
        // HMAC-SHA512(key "key", "The quick brown fox jumps over the lazy dog"), the widely published test vector.
        PaystackSignature.Compute("key", "The quick brown fox jumps over the lazy dog"u8).ShouldBe(
            "b42af09057bac1e2d41708e48a902e09b5ff7f12ab428a4fe86653c73dd248fb82f948a549f7b791a5b41915ee4d1ec3935357e4e2317250d0372afa2ebeeb3a");
    }

    [Fact]
    public void A_changed_body_is_invalid()
    {
        var hook = Hook();
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(hook.Body).Replace("1800000", "1800001", StringComparison.Ordinal));

        PaystackSignature.IsValid(Secret, hook.Signature, tampered).ShouldBeFalse();
    }

    [Fact]
    public void Another_key_is_invalid()
    {
        var hook = Hook();
        PaystackSignature.IsValid("sk_test_other", hook.Signature, hook.Body).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha512=abc")]
    [InlineData("not-hex-not-hex")]
    public void A_missing_or_malformed_header_is_invalid(string? header) =>
        PaystackSignature.IsValid(Secret, header, Hook().Body).ShouldBeFalse();

    [Fact]
    public void A_truncated_signature_is_invalid()
    {
        var hook = Hook();
        PaystackSignature.IsValid(Secret, hook.Signature[..126], hook.Body).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_a_secret_key_every_signature_is_refused(string? secret)
    {
        var hook = FakePaystackServer.Sign("{}"u8.ToArray(), "");
        PaystackSignature.IsValid(secret, hook.Signature, hook.Body).ShouldBeFalse();
    }
}
