using System.Text.Json.Nodes;

namespace HaloAgent.Channels.Messages;

/// <summary>An image by public https link or by uploaded media id, with an optional caption (≤ 1024).</summary>
public sealed record ImageContent : OutboundContent
{
    private ImageContent(string? link, string? mediaId, string? caption)
    {
        Link = link;
        MediaId = mediaId;
        Caption = caption;
    }

    public string? Link { get; }

    public string? MediaId { get; }

    public string? Caption { get; init; }

    public override string MessageType => "image";

    public static ImageContent FromLink(string link, string? caption = null) => new(link, null, caption);

    public static ImageContent FromMediaId(string mediaId, string? caption = null) => new(null, mediaId, caption);

    private protected override void Validate(List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(Link) == string.IsNullOrWhiteSpace(MediaId))
        {
            errors.Add("An image needs exactly one of a link or a media id");
        }

        if (!string.IsNullOrWhiteSpace(Link) &&
            (!Uri.TryCreate(Link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add($"Image link '{Link}' is not an absolute http(s) URL");
        }

        Limit(errors, Caption, WhatsAppLimits.Caption, "Caption");
    }

    private protected override JsonObject ToGraphObject()
    {
        var image = MediaId is not null ? new JsonObject { ["id"] = MediaId } : new JsonObject { ["link"] = Link };
        if (Caption is not null)
        {
            image["caption"] = Caption;
        }

        return image;
    }
}
