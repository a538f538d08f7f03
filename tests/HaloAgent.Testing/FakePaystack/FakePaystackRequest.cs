using System.Text.Json.Nodes;

namespace HaloAgent.Testing.FakePaystack;

/// <summary>One call the <see cref="FakePaystackServer"/> received and the HTTP status it answered.</summary>
public sealed record FakePaystackRequest(string Method, string Path, string? Authorization, JsonObject? Body, int Status);
