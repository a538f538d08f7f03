namespace HaloAgent.Server.Tests.Payments;

/// <summary>An order placed through the webhook: its id and number, the payment reference and the instructions text.</summary>
public sealed record PlacedOrder(string Id, string Number, string Reference, string Instructions);
