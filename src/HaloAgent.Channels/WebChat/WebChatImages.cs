using Dapper;
using HaloAgent.Channels.Persistence;
using HaloAgent.Channels.Persistence.Records;

namespace HaloAgent.Channels.WebChat;

/// <summary>
/// The pictures web chat visitors send, kept under their message's id (<c>web.{session key}.{clientMessageId}</c>),
/// which is also the media id their message carries: the payment flow reads a receipt from here the way it downloads a
/// WhatsApp image from Graph. Only files whose first bytes are a picture format are taken.
/// </summary>
public sealed class WebChatImages
{
    /// <summary>What web chat message and media ids start with; a WhatsApp media id is digits, so the two never mix.</summary>
    public const string IdPrefix = "web.";

    // A re-sent upload (same clientMessageId) is the same picture: the first one stays.
    private const string InsertSql = """
        INSERT INTO webchat_images (business_id, id, sender, mime_type, size_bytes, data, created_at)
        VALUES (@BusinessId, @Id, @Sender, @MimeType, @SizeBytes, @Data, @CreatedAt)
        ON CONFLICT (business_id, id) DO NOTHING
        """;

    private const string FindSql = """
        SELECT business_id AS BusinessId, id AS Id, sender AS Sender, mime_type AS MimeType, size_bytes AS SizeBytes, data AS Data, created_at AS CreatedAt
        FROM webchat_images WHERE business_id = @BusinessId AND id = @Id
        """;

    private readonly ChannelsDatabase _database;
    private readonly TimeProvider _clock;

    internal WebChatImages(ChannelsDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
    }

    /// <summary>True when <paramref name="mediaId"/> names a picture stored here rather than a WhatsApp media id.</summary>
    public static bool IsWebChatMediaId(string? mediaId) => mediaId is not null && mediaId.StartsWith(IdPrefix, StringComparison.Ordinal);

    /// <summary>
    /// The picture's MIME type from its first bytes (JPEG, PNG, WebP, GIF: what phones save screenshots and photos as and
    /// the receipt reader opens), or null. What the browser says the file is counts for nothing.
    /// </summary>
    public static string? MimeTypeOf(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (data.Length > 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8) ? "image/gif" : null;
    }

    internal Task SaveAsync(string businessId, string id, string sender, string mimeType, byte[] data, CancellationToken cancellationToken) =>
        _database.RunAsync(
            write: true,
            (connection, token) => connection.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                BusinessId = businessId,
                Id = id,
                Sender = sender,
                MimeType = mimeType,
                SizeBytes = (long)data.Length,
                Data = data,
                CreatedAt = _clock.GetUtcNow().ToUnixTimeMilliseconds(),
            }, cancellationToken: token)),
            cancellationToken);

    /// <summary>The picture stored for the business under <paramref name="id"/>, or null.</summary>
    public async Task<StoredWebChatImage?> FindAsync(string businessId, string id, CancellationToken cancellationToken)
    {
        var row = await _database.RunAsync(
            write: false,
            (connection, token) => connection.QuerySingleOrDefaultAsync<WebChatImageRecord>(new CommandDefinition(FindSql, new { BusinessId = businessId, Id = id }, cancellationToken: token)),
            cancellationToken);
        return row is null ? null : new StoredWebChatImage(row.Id, row.Sender, row.MimeType, row.Data);
    }
}

/// <summary>A stored picture: whose it is (<see cref="Sender"/>, the visitor's contact key), its sniffed type and bytes.</summary>
public sealed record StoredWebChatImage(string Id, string Sender, string MimeType, byte[] Data);
