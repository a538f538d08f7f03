namespace HaloAgent.Server.Dashboard;

/// <summary>The answer to a CSV import: rows that made new contacts, rows that updated existing ones, and rows refused.</summary>
public sealed record ContactImportResult(int Imported, int Updated, IReadOnlyList<ContactImportError> Errors);
