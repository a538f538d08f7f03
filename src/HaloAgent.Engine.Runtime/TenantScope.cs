namespace HaloAgent.Engine.Runtime;

/// <summary>
/// Whose flows and instances a caller works with: one tenant's (a business's), or everyone's (the platform's admin and
/// the engine's own callers). A flow created in <see cref="All"/> belongs to no tenant: a platform flow, which events of
/// every tenant may trigger. A tenant never sees, starts or changes another tenant's flows and instances: to it they
/// do not exist.
/// </summary>
public sealed record TenantScope
{
    private TenantScope(string? tenantId) => TenantId = tenantId;

    /// <summary>The tenant, or null for <see cref="All"/>.</summary>
    public string? TenantId { get; }

    public static TenantScope All { get; } = new((string?)null);

    public static TenantScope Of(string tenantId) =>
        string.IsNullOrWhiteSpace(tenantId) ? throw new ArgumentException("A tenant id is required.", nameof(tenantId)) : new(tenantId);

    /// <summary>Whether something owned by <paramref name="ownerTenantId"/> (null: the platform) is visible in this scope.</summary>
    public bool Includes(string? ownerTenantId) => TenantId is null || TenantId == ownerTenantId;

    public override string ToString() => TenantId ?? "(all tenants)";
}
