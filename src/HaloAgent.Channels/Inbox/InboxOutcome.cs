namespace HaloAgent.Channels.Inbox;

/// <summary>
/// How processing a webhook event ended: done (perhaps with a note, e.g. a change of a kind we ignore), or dead: some or
/// all of it can never be handled (malformed, invalid sender, unknown number…), kept as a dead letter with the reason.
/// </summary>
internal sealed record InboxOutcome(bool Dead, string? Note)
{
    public static InboxOutcome Done(string? note = null) => new(false, note);

    public static InboxOutcome DeadLetter(string reason) => new(true, reason);

    /// <summary>Dead when any part was poison (the good parts were handled), otherwise done with the notes.</summary>
    public static InboxOutcome Of(IReadOnlyCollection<string> poison, IReadOnlyCollection<string> notes) =>
        poison.Count > 0 ? DeadLetter(string.Join(" ", poison.Concat(notes))) : Done(notes.Count == 0 ? null : string.Join(" ", notes));
}
