using HaloAgent.Payments.Tests.Support;
using HaloAgent.Payments.Voice;
using HaloAgent.Testing.FakeTranscription;

namespace HaloAgent.Payments.Tests.Voice;

public sealed class OpenAiAudioTranscriberTests : IAsyncLifetime
{
    private FakeTranscriptionServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeTranscriptionServer.StartAsync(apiKey: "gsk_test_key");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private OpenAiAudioTranscriber Transcriber(Action<TranscriptionOptions>? change = null)
    {
        var options = new TranscriptionOptions { BaseUrl = _server.BaseUrl, ApiKey = "gsk_test_key", MaxRetries = 0 };
        change?.Invoke(options);
        var monitor = new FixedOptions<TranscriptionOptions>(options);
        return new OpenAiAudioTranscriber(new AudioConverter(monitor), monitor);
    }

    [Fact]
    public async Task A_voice_note_is_posted_as_multipart_with_its_bytes_and_the_model()
    {
        var ogg = await Tool.OggOpusToneAsync(seconds: 0.5);
        _server.Transcript = "Abeg I wan buy two plates of jollof";

        var result = await Transcriber().TranscribeAsync(ogg, "audio/ogg; codecs=opus", CancellationToken.None);

        result.Status.ShouldBe(TranscriptionStatus.Transcribed);
        result.Text.ShouldBe("Abeg I wan buy two plates of jollof");
        var request = _server.Requests.Single();
        request.Path.ShouldBe("/v1/audio/transcriptions");
        request.Authorization.ShouldBe("Bearer gsk_test_key");
        request.Model.ShouldBe("whisper-large-v3");
        request.File.ShouldBe(ogg);
        request.FileName.ShouldBe("voice.ogg");
    }

    [Fact]
    public async Task The_model_and_language_come_from_configuration()
    {
        var ogg = await Tool.OggOpusToneAsync(seconds: 0.5);

        await Transcriber(o => { o.Model = "whisper-large-v3-turbo"; o.Language = "yo"; }).TranscribeAsync(ogg, "audio/ogg", CancellationToken.None);

        var request = _server.Requests.Single();
        request.Model.ShouldBe("whisper-large-v3-turbo");
        request.Fields["language"].ShouldBe("yo");
    }

    [Fact]
    public async Task A_format_the_provider_does_not_take_is_converted_before_upload()
    {
        var ogg = await Tool.OggOpusToneAsync(seconds: 0.5);

        await Transcriber(o => o.AcceptedFormats = "wav").TranscribeAsync(ogg, "audio/ogg", CancellationToken.None);

        var request = _server.Requests.Single();
        request.FileName.ShouldBe("voice.wav");
        request.File.AsSpan(0, 4).SequenceEqual("RIFF"u8).ShouldBeTrue();
    }

    [Fact]
    public async Task Without_a_base_url_it_reports_not_configured_and_sends_nothing()
    {
        var transcriber = Transcriber(o => o.BaseUrl = null);

        transcriber.IsConfigured.ShouldBeFalse();
        var result = await transcriber.TranscribeAsync(new byte[] { 1, 2, 3 }, "audio/ogg", CancellationToken.None);

        result.Status.ShouldBe(TranscriptionStatus.NotConfigured);
        result.Text.ShouldBeNull();
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Silence_comes_back_as_empty()
    {
        var ogg = await Tool.OggOpusToneAsync(seconds: 0.5);
        _server.Transcript = "   ";

        var result = await Transcriber().TranscribeAsync(ogg, "audio/ogg", CancellationToken.None);

        result.Status.ShouldBe(TranscriptionStatus.Empty);
    }

    [Fact]
    public async Task A_wrong_key_is_a_permanent_failure()
    {
        var ogg = await Tool.OggOpusToneAsync(seconds: 0.5);

        var error = await Should.ThrowAsync<TranscriptionException>(() =>
            Transcriber(o => o.ApiKey = "wrong").TranscribeAsync(ogg, "audio/ogg", CancellationToken.None));

        error.IsTransient.ShouldBeFalse();
        error.Message.ShouldContain("401");
    }

    [Fact]
    public async Task A_server_error_is_a_transient_failure()
    {
        var ogg = await Tool.OggOpusToneAsync(seconds: 0.5);
        _server.FailNext(1, 503);

        var error = await Should.ThrowAsync<TranscriptionException>(() => Transcriber().TranscribeAsync(ogg, "audio/ogg", CancellationToken.None));

        error.IsTransient.ShouldBeTrue();
        error.Message.ShouldContain("503");
    }

    [Fact]
    public async Task Retries_configured_in_the_sdk_get_past_one_server_error()
    {
        var ogg = await Tool.OggOpusToneAsync(seconds: 0.5);
        _server.FailNext(1, 500);

        var result = await Transcriber(o => o.MaxRetries = 1).TranscribeAsync(ogg, "audio/ogg", CancellationToken.None);

        result.Status.ShouldBe(TranscriptionStatus.Transcribed);
        _server.Requests.Select(r => r.Status).ShouldBe([500, 200]);
    }
}
