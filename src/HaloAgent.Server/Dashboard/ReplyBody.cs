namespace HaloAgent.Server.Dashboard;

/// <summary>POST /api/conversations/{contactId}/reply.</summary>
public sealed record ReplyBody(string? Text);
