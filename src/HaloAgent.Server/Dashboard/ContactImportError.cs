namespace HaloAgent.Server.Dashboard;

/// <summary>A refused CSV row: its 1-based line number in the upload and why.</summary>
public sealed record ContactImportError(int Line, string Message);
