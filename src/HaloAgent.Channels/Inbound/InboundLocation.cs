namespace HaloAgent.Channels.Inbound;

/// <summary>A shared location pin: often how a customer gives a delivery address.</summary>
public sealed record InboundLocation(double Latitude, double Longitude, string? Name = null, string? Address = null);
