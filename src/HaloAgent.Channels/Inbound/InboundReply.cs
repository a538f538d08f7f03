namespace HaloAgent.Channels.Inbound;

/// <summary>The option a customer tapped: the id we gave it when sending (or a template button's payload) and its title.</summary>
public sealed record InboundReply(string Id, string? Title, string? Description = null);
