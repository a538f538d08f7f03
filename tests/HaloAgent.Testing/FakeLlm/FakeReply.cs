using System.Text.Json;

namespace HaloAgent.Testing.FakeLlm;

/// <summary>What the fake chat server answers: tool calls, plain content, an error status, a raw body, after a delay.</summary>
public sealed record FakeReply
{
    public int Status { get; init; } = 200;

    public IReadOnlyList<(string Name, string Arguments)> Calls { get; init; } = [];

    public string? Content { get; init; }

    /// <summary>Sent as is instead of a chat completion.</summary>
    public string? Body { get; init; }

    public TimeSpan Delay { get; init; }

    /// <summary>Tool calls whose arguments are serialized from anonymous objects.</summary>
    public static FakeReply ToolCalls(params (string Name, object Arguments)[] calls) =>
        new() { Calls = calls.Select(c => (c.Name, JsonSerializer.Serialize(c.Arguments))).ToArray() };

    /// <summary>Tool calls whose arguments are sent exactly as given (for broken JSON).</summary>
    public static FakeReply RawToolCalls(params (string Name, string Arguments)[] calls) => new() { Calls = calls };

    public static FakeReply Text(string content) => new() { Content = content };

    public static FakeReply Error(int status) => new() { Status = status, Body = """{"error":{"message":"upstream failure","type":"server_error"}}""" };

    public static FakeReply Raw(string body) => new() { Body = body };

    /// <summary>No answer within any client's timeout: the request stays open until the caller gives up.</summary>
    public static FakeReply Hang() => new() { Delay = TimeSpan.FromHours(1) };
}
