using System.Security.Cryptography;
using HaloAgent.Channels.WebChat;

namespace HaloAgent.Server.Studio.TestRuns;

/// <summary>How a test run names its pieces: run id, hidden flow id and its tenant, sandbox web chat session and contact key.</summary>
public static class TestRunIds
{
    /// <summary>Marks a sandbox flow id; flow ids allow only a-z, 0-9, '_' and '-', and real flows use '-' as separator.</summary>
    public const string SandboxMarker = "__test-";

    /// <summary>The web chat session of a test run starts with this, so the contact key says what it is when read in logs.</summary>
    public const string SessionPrefix = "sandbox-";

    private const string SandboxTenantPrefix = "studio-test-runs:";

    private const int MaxFlowId = 100;

    /// <summary>96 random bits as 24 lower-case hex characters (valid inside a flow id and a web chat session id).</summary>
    public static string NewRunId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static bool IsValidRunId(string? runId) =>
        runId is { Length: 24 } && runId.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary><c>{flowId}__test-{runId}</c>, the flow id shortened when needed to stay within the 100 characters allowed.</summary>
    public static string SandboxFlowId(string flowId, string runId)
    {
        var suffix = SandboxMarker + runId;
        var head = flowId.Length + suffix.Length > MaxFlowId ? flowId[..(MaxFlowId - suffix.Length)] : flowId;
        return head + suffix;
    }

    public static bool IsSandboxFlowId(string flowId) => flowId.Contains(SandboxMarker, StringComparison.Ordinal);

    /// <summary>
    /// The engine tenant that owns a business's sandbox flows and their instances. A tenant never sees another's flows,
    /// instances or triggers, so the business's flow and instance lists leave test runs out without any filter, and a
    /// customer's event can never start a sandbox copy.
    /// </summary>
    public static string SandboxTenant(string businessId) => SandboxTenantPrefix + businessId;

    public static string SessionId(string runId) => SessionPrefix + runId;

    public static string ContactKey(string runId) => WebChatSession.ContactKey(SessionId(runId));

    /// <summary>The run a contact key names (see <see cref="ContactKey"/>), or null for any other key.</summary>
    public static string? RunIdOf(string? contactKey)
    {
        var session = WebChatSession.FromContactKey(contactKey);
        if (session is null || !session.StartsWith(SessionPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var runId = session[SessionPrefix.Length..];
        return IsValidRunId(runId) ? runId : null;
    }
}
