namespace HaloAgent.Commerce.Escalations;

/// <summary>Human hand-over: opening pauses the agent for the contact, resolving gives the chat back to it.</summary>
public interface IEscalationService
{
    /// <summary>Opens one (at most one is open per contact) and pauses the agent in that chat, atomically.</summary>
    Task<EscalationOpened> OpenAsync(string businessId, string contactId, string reason, string openedBy, CancellationToken cancellationToken);

    /// <summary>Resolves it and lets the agent speak again; null when unknown, unchanged when already resolved.</summary>
    Task<EscalationView?> ResolveAsync(string escalationId, string resolvedBy, string? note, CancellationToken cancellationToken);

    Task<EscalationView?> GetOpenAsync(string contactId, CancellationToken cancellationToken);

    /// <summary>The owner's queue: open escalations, oldest first (a test run's sandbox contact is not in it).</summary>
    Task<IReadOnlyList<EscalationView>> ListOpenAsync(string businessId, CancellationToken cancellationToken);
}
