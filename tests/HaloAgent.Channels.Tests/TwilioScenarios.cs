using System.Net;
using Dapper;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.Tests.Support;
using HaloAgent.Channels.Twilio;
using HaloAgent.Engine.Runtime.Persistence;
using HaloAgent.Testing.FakeGraph;
using Microsoft.Extensions.Primitives;

namespace HaloAgent.Channels.Tests;

/// <summary>Twilio's WhatsApp webhook, through the same inbox and dedupe. On each real database (subclasses at the end).</summary>
public abstract class TwilioScenarios(DatabaseProvider provider) : IAsyncLifetime
{
    private ChannelsHost _host = null!;

    public async Task InitializeAsync() => _host = await ChannelsHost.StartAsync(await DatabaseTarget.CreateAsync(provider));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<HttpResponseMessage> PostAsync(IReadOnlyDictionary<string, string> form, string? token = null, string? signedUrl = null)
    {
        var request = TwilioWebhookBuilder.ToRequest(signedUrl ?? _host.TwilioUrl, token ?? ChannelsHost.TwilioAuthToken, form);
        request.RequestUri = new Uri(_host.TwilioUrl);
        return _host.Http.SendAsync(request);
    }

    [Fact]
    public async Task A_signed_message_is_stored_answered_with_twiml_and_handed_off_as_a_twilio_message()
    {
        var form = TwilioWebhookBuilder.Text(ChannelsHost.Customer, ChannelsHost.TwilioNumber, "Abeg, una get suya?", profileName: "Chidi");

        using var response = await PostAsync(form);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/xml");
        (await response.Content.ReadAsStringAsync()).ShouldContain("<Response></Response>");
        (await _host.ProcessAsync()).ShouldBe(1);
        var message = _host.Handler.Messages.ShouldHaveSingleItem();
        message.Channel.ShouldBe(ChannelKind.Twilio);
        message.BusinessId.ShouldBe(ChannelsHost.BusinessId);
        message.ExternalId.ShouldBe(form["MessageSid"]);
        message.From.ShouldBe(ChannelsHost.Customer);
        message.ProfileName.ShouldBe("Chidi");
        message.Type.ShouldBe(InboundMessageType.Text);
        message.Text.ShouldBe("Abeg, una get suya?");
        message.Timestamp.ShouldBe(_host.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_wrong_signature_is_401_and_nothing_is_stored()
    {
        var form = TwilioWebhookBuilder.Text(ChannelsHost.Customer, ChannelsHost.TwilioNumber, "hi");

        using var wrongToken = await PostAsync(form, token: "not-the-auth-token");
        using var wrongUrl = await PostAsync(form, signedUrl: _host.TwilioUrl + "?x=1");
        using var missing = await _host.Http.PostAsync(TwilioWebhookEndpoints.Path, new FormUrlEncodedContent(form));

        wrongToken.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrongUrl.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _host.CountAsync("webhook_inbox")).ShouldBe(0);
    }

    [Fact]
    public async Task A_changed_field_breaks_the_signature()
    {
        var form = TwilioWebhookBuilder.Text(ChannelsHost.Customer, ChannelsHost.TwilioNumber, "1 plate");
        using var request = TwilioWebhookBuilder.ToRequest(_host.TwilioUrl, ChannelsHost.TwilioAuthToken, form);
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string>(form) { ["Body"] = "9 plates" });

        using var response = await _host.Http.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _host.CountAsync("webhook_inbox")).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_message_sid_twice_is_handed_off_once()
    {
        var form = TwilioWebhookBuilder.Text(ChannelsHost.Customer, ChannelsHost.TwilioNumber, "I don pay");
        (await PostAsync(form)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PostAsync(form)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await _host.ProcessAsync()).ShouldBe(2);

        _host.Handler.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Media_becomes_an_image_or_a_voice_note_with_its_url()
    {
        (await PostAsync(TwilioWebhookBuilder.Media(ChannelsHost.Customer, ChannelsHost.TwilioNumber, "https://api.twilio.com/media/ME1", "image/jpeg", "my receipt"))).Dispose();
        (await PostAsync(TwilioWebhookBuilder.Media(ChannelsHost.Customer, ChannelsHost.TwilioNumber, "https://api.twilio.com/media/ME2", "audio/ogg"))).Dispose();

        await _host.ProcessAsync();

        var messages = _host.Handler.Messages.ToList();
        messages[0].Type.ShouldBe(InboundMessageType.Image);
        messages[0].Media!.Url.ShouldBe("https://api.twilio.com/media/ME1");
        messages[0].Media!.MimeType.ShouldBe("image/jpeg");
        messages[0].Text.ShouldBe("my receipt");
        messages[1].Type.ShouldBe(InboundMessageType.Audio);
        messages[1].Media!.Voice.ShouldBeTrue();
    }

    [Fact]
    public async Task A_message_to_an_unknown_twilio_number_is_dead_lettered_with_the_number()
    {
        (await PostAsync(TwilioWebhookBuilder.Text(ChannelsHost.Customer, "+2349099999999", "hello"))).Dispose();

        await _host.ProcessAsync();

        _host.Handler.Calls.ShouldBe(0);
        var row = await _host.SqlAsync(c => c.QuerySingleAsync<(string Status, string Error)>("SELECT status, error FROM webhook_inbox"));
        row.Status.ShouldBe("dead");
        row.Error.ShouldContain("+2349099999999");
    }
}

public sealed class SqliteTwilioScenarios() : TwilioScenarios(DatabaseProvider.Sqlite);

public sealed class PostgresTwilioScenarios() : TwilioScenarios(DatabaseProvider.Postgres);

/// <summary>Twilio's signature algorithm and form parsing, without a server.</summary>
public sealed class TwilioSignatureTests
{
    private static readonly Dictionary<string, StringValues> DocumentedForm = new()
    {
        ["CallSid"] = "CA1234567890ABCDE",
        ["Caller"] = "+14158675309",
        ["Digits"] = "1234",
        ["From"] = "+14158675309",
        ["To"] = "+18005551212",
    };

    [Fact]
    public void Matches_twilios_published_example()
    {
        TwilioSignature.Compute("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", DocumentedForm).ShouldBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        TwilioSignature.IsValid("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", DocumentedForm, "RSOYDt4T1cUTdK1PDd93/VVr8B8=").ShouldBeTrue();
    }

    [Fact]
    public void Rejects_a_changed_parameter_url_token_or_missing_signature()
    {
        const string url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        const string good = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
        TwilioSignature.IsValid("12345", url, new Dictionary<string, StringValues>(DocumentedForm) { ["Digits"] = "9999" }, good).ShouldBeFalse();
        TwilioSignature.IsValid("12345", "https://mycompany.com/myapp.php?foo=1&bar=3", DocumentedForm, good).ShouldBeFalse();
        TwilioSignature.IsValid("54321", url, DocumentedForm, good).ShouldBeFalse();
        TwilioSignature.IsValid("12345", url, DocumentedForm, "").ShouldBeFalse();
        TwilioSignature.IsValid("", url, DocumentedForm, good).ShouldBeFalse();
    }

    [Fact]
    public void Accepts_the_url_with_or_without_its_default_port()
    {
        var signedWithPort = TwilioSignature.Compute("12345", "https://mycompany.com:443/myapp.php?foo=1&bar=2", DocumentedForm);
        TwilioSignature.IsValid("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", DocumentedForm, signedWithPort).ShouldBeTrue();
        var signedWithout = TwilioSignature.Compute("12345", "https://mycompany.com/myapp.php", DocumentedForm);
        TwilioSignature.IsValid("12345", "https://mycompany.com:443/myapp.php", DocumentedForm, signedWithout).ShouldBeTrue();
        TwilioSignature.IsValid("12345", "https://mycompany.com:8443/myapp.php", DocumentedForm, signedWithout).ShouldBeFalse();
    }

    [Fact]
    public void The_test_builder_signs_like_the_validator_checks()
    {
        var form = TwilioWebhookBuilder.Text("2348030000001", "+2348000000001", "hi");
        var signature = TwilioWebhookBuilder.Signature("tok", "https://halo.example/webhooks/twilio", form);

        TwilioSignature.IsValid("tok", "https://halo.example/webhooks/twilio", form.ToDictionary(p => p.Key, p => new StringValues(p.Value)), signature).ShouldBeTrue();
    }

    [Fact]
    public void Parses_quick_replies_and_locations()
    {
        var form = TwilioWebhookBuilder.Text("2348030000001", "+2348000000001", "Yes");
        form["ButtonPayload"] = "confirm";
        form["ButtonText"] = "Yes";
        var button = TwilioMessageParser.Parse(form.ToDictionary(p => p.Key, p => new StringValues(p.Value)), DateTimeOffset.UnixEpoch).Message!;
        button.Type.ShouldBe(InboundMessageType.Button);
        button.Reply.ShouldBe(new InboundReply("confirm", "Yes"));

        var pin = TwilioWebhookBuilder.Text("2348030000001", "+2348000000001", "");
        pin["Latitude"] = "6.4281";
        pin["Longitude"] = "3.4219";
        pin["Address"] = "Lekki";
        var location = TwilioMessageParser.Parse(pin.ToDictionary(p => p.Key, p => new StringValues(p.Value)), DateTimeOffset.UnixEpoch);
        location.BusinessNumber.ShouldBe("+2348000000001");
        location.Message!.Location.ShouldBe(new InboundLocation(6.4281, 3.4219, null, "Lekki"));

        TwilioMessageParser.Parse(new Dictionary<string, StringValues> { ["Body"] = "no sid" }, DateTimeOffset.UnixEpoch).Error.ShouldNotBeNull();
    }
}
