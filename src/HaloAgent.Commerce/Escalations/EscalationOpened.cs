namespace HaloAgent.Commerce.Escalations;

/// <summary>The open escalation; <see cref="AlreadyOpen"/> when the chat was already with a human (nothing new happened).</summary>
public sealed record EscalationOpened(EscalationView Escalation, bool AlreadyOpen);
