using System.Text.Json;

namespace HaloAgent.Server.Dashboard;

/// <summary>POST /api/templates/preview: the data is what a flow would pass (contact, order, cart, …).</summary>
public sealed record TemplatePreviewBody(string? Key, string? Language, JsonElement? Data, string? Text = null);
