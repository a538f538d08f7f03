namespace HaloAgent.Channels.Routing;

/// <summary>
/// What the channels need to know about a business: its WhatsApp phone number id (inbound routing, sending) and the
/// access token to send with. <see cref="TwilioNumber"/> is its E.164 number on Twilio, when it uses that transport;
/// <see cref="Slug"/> and <see cref="Name"/> address and title its public web chat page.
/// </summary>
public sealed record ChannelBusiness(string Id, string? PhoneNumberId, string? AccessToken, string? TwilioNumber = null)
{
    public string? Slug { get; init; }

    public string? Name { get; init; }

    /// <summary>Meta's WhatsApp Business Account id (templates live under it).</summary>
    public string? BusinessAccountId { get; init; }

    /// <summary>Tokens are secrets: keep them out of logs and exception messages.</summary>
    public override string ToString() => $"ChannelBusiness {{ Id = {Id}, Slug = {Slug}, PhoneNumberId = {PhoneNumberId}, TwilioNumber = {TwilioNumber} }}";
}
