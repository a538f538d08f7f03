namespace HaloAgent.AI;

/// <summary>Turns one inbound customer message into an intent and entities the ordering flow can act on.</summary>
/// <remarks>
/// Implementations only interpret text: they never price, total, reserve stock or create orders. Those stay in the
/// commerce domain, which is why the caller hands over the catalog it wants matched against.
/// </remarks>
public interface IMessageUnderstanding
{
    Task<Understanding> UnderstandAsync(UnderstandRequest request, CancellationToken ct);
}
