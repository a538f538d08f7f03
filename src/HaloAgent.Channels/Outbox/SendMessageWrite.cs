using HaloAgent.Engine.Activities;

namespace HaloAgent.Channels.Outbox;

/// <summary>
/// A WhatsApp message enlisted by a flow step (<c>context.Enlist(new SendMessageWrite(...))</c>): it is queued in the
/// same transaction that commits the step, and dropped with it if the step's result is discarded. Pass the step's
/// <c>context.IdempotencyKey</c> (plus a suffix if one step sends several messages): a re-run of the step queues nothing new.
/// The message is validated here, in the step, so a bad message fails the step rather than the engine's commit.
/// </summary>
public sealed record SendMessageWrite : StepWrite
{
    public SendMessageWrite(OutboundMessage message)
    {
        Row = OutboxSql.Prepare(message);
        Message = message;
    }

    public OutboundMessage Message { get; }

    internal OutboxInsert Row { get; }
}
