using System.Buffers.Binary;
using HaloAgent.Payments.Tests.Support;
using HaloAgent.Payments.Voice;

namespace HaloAgent.Payments.Tests.Voice;

/// <summary>Real ffmpeg: a voice note made with <c>ffmpeg -f lavfi -i sine=…</c> and libopus, like WhatsApp's OGG/Opus.</summary>
public sealed class AudioConverterTests
{
    private static AudioConverter Converter(TranscriptionOptions? options = null) => new(new FixedOptions<TranscriptionOptions>(options ?? new TranscriptionOptions()));

    [Fact]
    public async Task Ogg_opus_converts_to_16_kHz_mono_pcm_wav()
    {
        var ogg = await Tool.OggOpusToneAsync(seconds: 1);
        ogg.AsSpan(0, 4).SequenceEqual("OggS"u8).ShouldBeTrue();

        var wav = await Converter().ToWavAsync(ogg, CancellationToken.None);

        wav.AsSpan(0, 4).SequenceEqual("RIFF"u8).ShouldBeTrue();
        wav.AsSpan(8, 4).SequenceEqual("WAVE"u8).ShouldBeTrue();
        wav.AsSpan(12, 4).SequenceEqual("fmt "u8).ShouldBeTrue();
        BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(20)).ShouldBe((ushort)1);       // PCM
        BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(22)).ShouldBe((ushort)1);       // mono
        BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(24)).ShouldBe(16_000u);         // sample rate
        BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(34)).ShouldBe((ushort)16);      // bits per sample
        // A real length in the header (not a pipe's 0xFFFFFFFF), and about one second of 16-bit samples.
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(wav.AsSpan(4));
        riffSize.ShouldBe((uint)(wav.Length - 8));
        wav.Length.ShouldBeInRange(30_000, 34_000);
    }

    [Fact]
    public async Task Accepted_formats_are_passed_through_unchanged()
    {
        var ogg = await Tool.OggOpusToneAsync(seconds: 0.5);

        var prepared = await Converter().PrepareAsync(ogg, "audio/ogg; codecs=opus", CancellationToken.None);

        prepared.Converted.ShouldBeFalse();
        prepared.Content.ShouldBe(ogg);
        prepared.FileName.ShouldBe("voice.ogg");
        prepared.MimeType.ShouldBe("audio/ogg");
    }

    [Fact]
    public async Task A_provider_that_does_not_take_ogg_gets_wav()
    {
        var ogg = await Tool.OggOpusToneAsync(seconds: 0.5);

        var prepared = await Converter(new TranscriptionOptions { AcceptedFormats = "wav,mp3" }).PrepareAsync(ogg, "audio/ogg", CancellationToken.None);

        prepared.Converted.ShouldBeTrue();
        prepared.FileName.ShouldBe("voice.wav");
        prepared.Content.AsSpan(8, 4).SequenceEqual("WAVE"u8).ShouldBeTrue();
    }

    [Fact]
    public async Task AlwaysConvert_converts_even_accepted_formats()
    {
        var ogg = await Tool.OggOpusToneAsync(seconds: 0.5);

        var prepared = await Converter(new TranscriptionOptions { AlwaysConvert = true }).PrepareAsync(ogg, "audio/ogg", CancellationToken.None);

        prepared.Converted.ShouldBeTrue();
        prepared.MimeType.ShouldBe("audio/wav");
    }

    [Fact]
    public async Task Bytes_ffmpeg_cannot_read_give_a_clear_error()
    {
        var error = await Should.ThrowAsync<TranscriptionException>(() =>
            Converter().PrepareAsync("definitely not audio"u8.ToArray(), "audio/amr", CancellationToken.None));

        error.Message.ShouldContain("ffmpeg could not convert");
        error.IsTransient.ShouldBeFalse();
    }

    [Fact]
    public async Task A_missing_ffmpeg_gives_a_clear_error()
    {
        var error = await Should.ThrowAsync<TranscriptionException>(() =>
            Converter(new TranscriptionOptions { FfmpegPath = "/nonexistent/ffmpeg" }).ToWavAsync(new byte[] { 1, 2, 3 }, CancellationToken.None));

        error.Message.ShouldContain("apt-get install ffmpeg");
    }

    [Fact]
    public async Task Empty_audio_is_refused() =>
        await Should.ThrowAsync<TranscriptionException>(() => Converter().PrepareAsync(ReadOnlyMemory<byte>.Empty, "audio/ogg", CancellationToken.None));
}
