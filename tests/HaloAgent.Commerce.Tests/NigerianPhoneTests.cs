using HaloAgent.Commerce.Contacts;

namespace HaloAgent.Commerce.Tests;

public sealed class NigerianPhoneTests
{
    [Theory]
    [InlineData("08031234567")]
    [InlineData("0803 123 4567")]
    [InlineData("0803-123-4567")]
    [InlineData("2348031234567")]
    [InlineData("+2348031234567")]
    [InlineData("+234 803 123 4567")]
    [InlineData("+234 (0) 803 123 4567")]
    [InlineData("002348031234567")]
    [InlineData("8031234567")]
    [InlineData("  +234-803-123-4567  ")]
    public void Every_common_shape_becomes_E164(string input) =>
        NigerianPhone.ToE164(input).ShouldBe("+2348031234567");

    [Theory]
    [InlineData("07012345678", "+2347012345678")]
    [InlineData("09012345678", "+2349012345678")]
    [InlineData("0912 345 6789", "+2349123456789")]
    [InlineData("2348101234567", "+2348101234567")]
    public void Every_mobile_range_is_accepted(string input, string expected) =>
        NigerianPhone.ToE164(input).ShouldBe(expected);

    [Theory]
    [InlineData("", "required")]
    [InlineData("   ", "required")]
    [InlineData("call me", "contains 'c'")]
    [InlineData("0803123456", "expected 0 and 10 digits")]
    [InlineData("080312345678", "expected 0 and 10 digits")]
    [InlineData("+44 7911 123456", "does not start with +234")]
    [InlineData("+234 803 123 456", "exactly 10 digits")]
    [InlineData("+234 803 123 45678", "exactly 10 digits")]
    [InlineData("01 234 5678", "expected 0 and 10 digits")]
    [InlineData("+234 123 456 7890", "start with 07, 08 or 09")]
    [InlineData("0803+1234567", "'+' may only start it")]
    [InlineData("0803123456x", "contains 'x'")]
    public void Garbage_is_refused_with_a_reason(string input, string reason)
    {
        var error = Should.Throw<FormatException>(() => NigerianPhone.ToE164(input));
        error.Message.ShouldContain(reason);
        NigerianPhone.TryToE164(input, out var e164).ShouldBeFalse();
        e164.ShouldBeNull();
    }

    [Fact]
    public void Null_is_refused() => Should.Throw<FormatException>(() => NigerianPhone.ToE164(null));
}
