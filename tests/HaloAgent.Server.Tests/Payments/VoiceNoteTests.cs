using HaloAgent.Server.Tests.Support;
using HaloAgent.Testing.FakeGraph;

namespace HaloAgent.Server.Tests.Payments;

/// <summary>WhatsApp voice notes: downloaded, converted with ffmpeg, transcribed by a fake OpenAI-compatible server, understood like text.</summary>
public sealed class VoiceNoteTests
{
    [Fact]
    public async Task A_voice_note_is_transcribed_and_understood_like_text()
    {
        await using var server = await PaymentsServer.StartAsync(extra: new Dictionary<string, string> { ["HaloAgent:Transcription:AlwaysConvert"] = "true" });
        var customer = server.Customer("2348130000031");
        var voice = await VoiceAsync();
        var mediaId = server.Graph.AddMedia(voice, "audio/ogg");

        await customer.SendAsync(new WhatsAppWebhookBuilder().Audio(customer.Phone, mediaId, name: "Ada"), r => r.Text?.Contains("7,000") == true, "two jollof from the voice note");

        var request = server.Transcription.Requests.ShouldHaveSingleItem();
        request.FileName.ShouldBe("voice.wav", "converted by ffmpeg");
        request.File.Take(4).ShouldBe("RIFF"u8.ToArray());
        request.Model.ShouldBe("whisper-large-v3");
    }

    [Fact]
    public async Task Without_a_transcription_provider_the_customer_is_asked_to_type()
    {
        await using var server = await PaymentsServer.StartAsync(transcription: false);
        var customer = server.Customer("2348130000032");
        var mediaId = server.Graph.AddMedia(await VoiceAsync(), "audio/ogg");

        await customer.SendAsync(new WhatsAppWebhookBuilder().Audio(customer.Phone, mediaId, name: "Ada"), r => r.Text?.Contains("type your message") == true, "asked to type");
        server.Graph.MediaDownloads.ShouldBe(0);
        await customer.SaysAsync("I want 2 jollof rice", r => r.Text?.Contains("7,000") == true, "typed instead");
    }

    private static async Task<byte[]> VoiceAsync()
    {
        var directory = Directory.CreateTempSubdirectory("halo-voice-");
        try
        {
            var output = Path.Combine(directory.FullName, "voice.ogg");
            await ReceiptImages.RunAsync("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=1:sample_rate=48000",
                "-c:a", "libopus", "-b:a", "24k", output);
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
