namespace HaloAgent.Engine.Activities;

/// <summary>Why a waiting node is being resumed: an event matched its bookmark, or its timer came due.</summary>
public sealed record ResumeSignal
{
    private ResumeSignal(string? eventName, object? payload)
    {
        EventName = eventName;
        Payload = payload;
    }

    public string? EventName { get; }

    public object? Payload { get; }

    public bool IsTimer => EventName is null;

    public static ResumeSignal Timer { get; } = new(null, null);

    public static ResumeSignal Event(string name, object? payload) => new(name, payload);
}
