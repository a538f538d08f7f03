using HaloAgent.Channels.Graph;
using HaloAgent.Channels.Routing;
using HaloAgent.Channels.WebChat;

namespace HaloAgent.Agent.Activities.Payments;

/// <summary>
/// Downloads a customer's WhatsApp media (Graph's two-step fetch) with the business's own token, or reads a picture a
/// web chat visitor uploaded (stored by the channel under its message id), so a receipt is read the same way from both.
/// Failures come back as a sentence for the owner rather than an exception: an expired link or a 20 MB file is a
/// customer problem, not a fault of the flow.
/// </summary>
public sealed class MediaFetcher(WhatsAppGraphClient graph, IChannelBusinessDirectory channels, WebChatImages webChatImages)
{
    public async Task<MediaFetch> FetchAsync(string businessId, string? mediaId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(mediaId))
        {
            return MediaFetch.Failed("The message carried no downloadable file.");
        }

        if (WebChatImages.IsWebChatMediaId(mediaId))
        {
            // Scoped to the business: a media id from another business's chat finds nothing.
            var image = await webChatImages.FindAsync(businessId, mediaId, cancellationToken);
            return image is null
                ? MediaFetch.Failed("The picture sent on the web chat is no longer stored; ask the customer to send it again.")
                : new MediaFetch(image.Data, image.MimeType, null);
        }

        var business = await channels.GetAsync(businessId, cancellationToken);
        if (business?.AccessToken is not { Length: > 0 } token)
        {
            return MediaFetch.Failed("The business has no WhatsApp access token to download the file with.");
        }

        try
        {
            var media = await graph.FetchMediaAsync(mediaId, token, cancellationToken);
            return new MediaFetch(media.Bytes, media.MimeType, null);
        }
        catch (MediaTooLargeException e)
        {
            return MediaFetch.Failed($"The file is larger than the {e.Limit / (1024 * 1024)} MB WhatsApp allows for it; it was not downloaded.");
        }
        catch (GraphApiException e)
        {
            return MediaFetch.Failed($"WhatsApp would not give the file (HTTP {e.HttpStatus}: {e.Title}); its link may have expired, ask the customer to send it again.");
        }
        catch (InvalidDataException e)
        {
            return MediaFetch.Failed($"The downloaded file is damaged: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            return MediaFetch.Failed($"The file could not be downloaded: {e.Message}");
        }
    }
}
