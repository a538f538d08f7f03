using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HaloAgent.Testing.FakeGraph;

/// <summary>
/// <c>GET /{waba-id}/message_templates</c> as Meta answers it: <c>data</c> with each template's id, name, language,
/// status, category and components, in pages of <see cref="TemplatePageSize"/> joined by <c>paging.next</c>.
/// </summary>
public sealed partial class FakeGraphServer
{
    public const int TemplatePageSize = 2;

    private readonly Dictionary<string, List<JsonObject>> _templates = new(StringComparer.Ordinal);

    /// <summary>Meta lists this template under the account <paramref name="businessAccountId"/> (replacing one of the same name and language).</summary>
    public void SetTemplate(string businessAccountId, string name, string language, string status, string category, string body, string? rejectedReason = null)
    {
        lock (_gate)
        {
            if (!_templates.TryGetValue(businessAccountId, out var list))
            {
                _templates[businessAccountId] = list = [];
            }

            list.RemoveAll(t => (string?)t["name"] == name && (string?)t["language"] == language);
            list.Add(new JsonObject
            {
                ["id"] = $"{Math.Abs(HashCode.Combine(name, language)) % 1_000_000_000_000L + 1_000_000_000_000L}",
                ["name"] = name,
                ["language"] = language,
                ["status"] = status,
                ["category"] = category,
                ["rejected_reason"] = rejectedReason ?? "NONE",
                ["components"] = new JsonArray(new JsonObject { ["type"] = "BODY", ["text"] = body }),
            });
        }
    }

    /// <summary>The business deleted the template in WhatsApp Manager: Meta no longer lists it.</summary>
    public void RemoveTemplate(string businessAccountId, string name, string language)
    {
        lock (_gate)
        {
            if (_templates.TryGetValue(businessAccountId, out var list))
            {
                list.RemoveAll(t => (string?)t["name"] == name && (string?)t["language"] == language);
            }
        }
    }

    private async Task WriteTemplatesAsync(HttpContext context, string businessAccountId)
    {
        var after = int.TryParse(context.Request.Query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var from) ? from : 0;
        List<JsonObject> page;
        bool more;
        lock (_gate)
        {
            if (!_templates.TryGetValue(businessAccountId, out var list))
            {
                page = [];
                more = false;
            }
            else
            {
                page = list.Skip(after).Take(TemplatePageSize).Select(t => (JsonObject)t.DeepClone()).ToList();
                more = after + TemplatePageSize < list.Count;
            }
        }

        var response = new JsonObject { ["data"] = new JsonArray(page.ToArray<JsonNode?>()) };
        if (more)
        {
            var next = after + TemplatePageSize;
            response["paging"] = new JsonObject
            {
                ["cursors"] = new JsonObject { ["after"] = next.ToString(CultureInfo.InvariantCulture) },
                ["next"] = $"{BaseUrl}/{businessAccountId}/message_templates?fields=id,name&limit={TemplatePageSize}&after={next}",
            };
        }

        await context.Response.WriteAsJsonAsync(response);
    }
}
