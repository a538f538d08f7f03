namespace HaloAgent.Commerce.Escalations;

/// <summary>Stored as "open" or "resolved".</summary>
public enum EscalationStatus
{
    Open,
    Resolved,
}
