namespace HaloAgent.Server.Dashboard;

/// <summary>A message template key and the languages that have their own text for it (others fall back to English).</summary>
public sealed record TemplateInfo(string Key, IReadOnlyList<string> Languages);
