using System.Security.Claims;
using HaloAgent.Engine.Runtime;
using HaloAgent.Platform.Identity;

namespace HaloAgent.Server.Auth;

/// <summary>
/// Who may do what. Roles: owner (everything in their business), agent (inbox, orders, payments), marketer (flows,
/// templates, campaigns, read-only orders), admin (platform). Endpoints name a policy; every query is scoped to
/// <see cref="BusinessId"/> of the signed-in user, so one business never reads or changes another's data.
/// </summary>
public static class AuthPolicies
{
    public const string Owner = "owner";
    public const string Agent = "agent";
    public const string Marketer = "marketer";
    public const string Admin = "admin";

    /// <summary>Claim type of the business a user belongs to.</summary>
    public const string BusinessClaim = BusinessUser.ClaimType;

    /// <summary>Read orders, contacts, catalog, dashboards: every role.</summary>
    public const string ReadBusiness = "read-business";

    /// <summary>Move orders through their statuses, take over chats, reply: owner and agent.</summary>
    public const string ManageOrders = "manage-orders";

    /// <summary>Approve or reject payments: owner and agent (never marketer).</summary>
    public const string ManagePayments = "manage-payments";

    /// <summary>Edit, publish and test-run flows and templates: owner and marketer.</summary>
    public const string ManageFlows = "manage-flows";

    /// <summary>Contacts' data requests (export, delete) and imports: owner only.</summary>
    public const string ManageContacts = "manage-contacts";

    /// <summary>
    /// Payment settings (methods, auto-confirmation), bank details and anything else that moves money or decides what is
    /// taken as paid without a person: owner only.
    /// </summary>
    public const string ManageMoney = "manage-money";

    /// <summary>The business's users (add, change role, remove) and its audit log: owner only.</summary>
    public const string OwnerOnly = "owner-only";

    /// <summary>The business of the signed-in user (throws when the principal has none: the endpoint forgot its policy).</summary>
    public static string BusinessId(this ClaimsPrincipal user) => BusinessUser.BusinessId(user);

    /// <summary>Whose flows and instances the user works with: their business's, and nobody else's.</summary>
    public static TenantScope FlowTenant(this ClaimsPrincipal user) => TenantScope.Of(user.BusinessId());

    /// <summary>Who did it, for status histories and audit: the user's e-mail.</summary>
    public static string Actor(this ClaimsPrincipal user) => BusinessUser.Actor(user);
}
