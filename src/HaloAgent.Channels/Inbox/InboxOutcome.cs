namespace HaloAgent.Channels.Inbox;

/// <summary>How processing a webhook event ended: done (perhaps with a note, e.g. an unknown phone number) or failed for good.</summary>
internal sealed record InboxOutcome(bool Failed, string? Note)
{
    public static InboxOutcome Done(string? note = null) => new(false, note);

    public static InboxOutcome Fail(string error) => new(true, error);
}
