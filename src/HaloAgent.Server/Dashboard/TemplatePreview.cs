namespace HaloAgent.Server.Dashboard;

/// <summary>A rendered template.</summary>
public sealed record TemplatePreview(string Text);
