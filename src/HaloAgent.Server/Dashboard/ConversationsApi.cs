using System.Security.Claims;
using HaloAgent.Agent.Activities.Payments;
using HaloAgent.Channels.Inbound;
using HaloAgent.Channels.WebChat;
using HaloAgent.Channels.Messages;
using HaloAgent.Channels.Outbox;
using HaloAgent.Commerce.Conversations;
using HaloAgent.Commerce.Escalations;
using HaloAgent.Commerce.Persistence;
using HaloAgent.Engine.Runtime.Runtime;
using HaloAgent.Server.Audit;
using HaloAgent.Server.Auth;
using HaloAgent.Server.Dashboard.Inbox;
using Microsoft.EntityFrameworkCore;
using HaloAgent.Platform.Events;

namespace HaloAgent.Server.Dashboard;

/// <summary>
/// The owner's inbox: conversations, taking a chat over from the agent (an escalation, so the hand-over flow applies),
/// replying while it is taken over, and handing it back.
/// </summary>
public static class ConversationsApi
{
    /// <summary>WhatsApp's limit for a text message body.</summary>
    public const int MaxReplyLength = 4096;

    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        var conversations = app.MapGroup("/api/conversations").WithTags("Conversations").RequireAuthorization(AuthPolicies.ManageOrders);

        conversations.MapGet("/", (ClaimsPrincipal user, ConversationQueries queries, CancellationToken ct) => queries.ListAsync(user.BusinessId(), ct));

        conversations.MapGet("/{contactId}", async (string contactId, ClaimsPrincipal user, ConversationQueries queries, CancellationToken ct) =>
            await queries.FindContactAsync(user.BusinessId(), contactId, ct) is { } contact
                ? Results.Ok(await queries.GetAsync(contact, ct))
                : DashboardProblems.UnknownContact(contactId));

        // A customer's picture, fetched from where the channel keeps it (WhatsApp's media API with the business's token, or
        // the web chat's store). Only a picture that is in this conversation: a media id is not a way to read others.
        conversations.MapGet("/{contactId}/images/{mediaId}", async (
            string contactId, string mediaId, ClaimsPrincipal user, ConversationQueries queries, MediaFetcher media, HttpContext http, CancellationToken ct) =>
        {
            if (await queries.FindContactAsync(user.BusinessId(), contactId, ct) is not { } contact)
            {
                return DashboardProblems.UnknownContact(contactId);
            }

            if (!await queries.SentImageAsync(contact, mediaId, ct))
            {
                return DashboardProblems.NotFound($"There is no picture '{mediaId}' in this conversation.");
            }

            var fetched = await media.FetchAsync(contact.BusinessId, mediaId, ct);
            // Served as the image its bytes are, never as the type a sender claimed: anything else is not shown.
            var type = fetched.Bytes is { } bytes ? WebChatImages.MimeTypeOf(bytes) : null;
            if (type is null)
            {
                return DashboardProblems.BadGateway("The picture could not be shown.", fetched.Error ?? "The file is not a JPEG, PNG, WebP or GIF image.");
            }

            http.Response.Headers.CacheControl = "private, max-age=86400, immutable";
            return Results.Bytes(fetched.Bytes!, type);
        });

        // Opening a conversation reads it: its unread count clears for everyone in the business.
        conversations.MapPost("/{contactId}/read", async (string contactId, ClaimsPrincipal user, ConversationQueries queries, InboxState inbox, CancellationToken ct) =>
        {
            if (await queries.FindContactAsync(user.BusinessId(), contactId, ct) is not { } contact)
            {
                return DashboardProblems.UnknownContact(contactId);
            }

            if (await queries.LastMessageAtAsync(contact, ct) is { } last)
            {
                await inbox.MarkReadAsync(contact.BusinessId, contact.Id, last, ct);
            }

            return Results.NoContent();
        });

        conversations.MapPost("/{contactId}/takeover", async (
            string contactId, ClaimsPrincipal user, ConversationQueries queries, IEscalationService escalations, FlowRuntime runtime, IAuditLog audit, CancellationToken ct) =>
        {
            if (await queries.FindContactAsync(user.BusinessId(), contactId, ct) is not { } contact)
            {
                return DashboardProblems.UnknownContact(contactId);
            }

            // The same escalation the agent opens when it hands over: it pauses the agent atomically, and the hand-over
            // flow (started by escalation.opened) waits for escalation.resolved. It says nothing to the customer: nobody asked
            // for a person, and its "someone will reply shortly" could arrive after the owner's own first reply.
            var reason = $"taken over by {user.Actor()}";
            var opened = await escalations.OpenAsync(contact.BusinessId, contact.Id, reason, user.Actor(), ct);
            if (!opened.AlreadyOpen)
            {
                await runtime.RaiseAsync(
                    new EventRequest(EventNames.EscalationOpened, contact.Id, new Dictionary<string, object?>
                    {
                        ["escalationId"] = opened.Escalation.Id,
                        ["reason"] = reason,
                        ["by"] = "owner",
                    }) { EventId = $"{EventNames.EscalationOpened}:{opened.Escalation.Id}", Tenant = contact.BusinessId },
                    ct);
                await audit.RecordAsync(user, AuditActions.ConversationTakeOver, "contact", contact.Id, new { handledBy = "agent" }, new { handledBy = "human", escalationId = opened.Escalation.Id }, ct);
            }

            return Results.NoContent();
        });

        conversations.MapPost("/{contactId}/release", async (
            string contactId, ClaimsPrincipal user, ConversationQueries queries, IEscalationService escalations, FlowRuntime runtime,
            IDbContextFactory<CommerceDbContext> factory, IAuditLog audit, CancellationToken ct) =>
        {
            if (await queries.FindContactAsync(user.BusinessId(), contactId, ct) is not { } contact)
            {
                return DashboardProblems.UnknownContact(contactId);
            }

            if (await escalations.GetOpenAsync(contact.Id, ct) is { } open)
            {
                var resolved = await escalations.ResolveAsync(open.Id, user.Actor(), "released from the dashboard", ct);
                if (resolved is not null)
                {
                    // As EscalationsApi does: the hand-over flow waits for this to tell the customer the agent is back.
                    await runtime.RaiseAsync(
                        new EventRequest(EventNames.EscalationResolved, resolved.ContactId, new Dictionary<string, object?> { ["escalationId"] = open.Id })
                        {
                            EventId = $"{EventNames.EscalationResolved}:{open.Id}",
                            Tenant = contact.BusinessId,
                        },
                        ct);
                    await audit.RecordAsync(user, AuditActions.ConversationRelease, "contact", contact.Id, new { handledBy = "human", escalationId = open.Id }, new { handledBy = "agent" }, ct);
                }
            }
            else if (contact.AgentPaused)
            {
                // Paused without an escalation (not something the services do, but a hand-edited row must not leave
                // the agent silent for good): releasing simply lets it speak again.
                await using var db = await factory.CreateDbContextAsync(ct);
                await db.Contacts.Where(c => c.Id == contact.Id && c.BusinessId == contact.BusinessId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.AgentPaused, false).SetProperty(c => c.AgentPausedAt, (long?)null), ct);
                await audit.RecordAsync(user, AuditActions.ConversationRelease, "contact", contact.Id, new { handledBy = "human" }, new { handledBy = "agent" }, ct);
            }

            return Results.NoContent();
        });

        conversations.MapPost("/{contactId}/reply", async (
            string contactId, ReplyBody? body, HttpRequest request, ClaimsPrincipal user, ConversationQueries queries, IOutbox outbox,
            IConversationMemory memory, TimeProvider clock, IAuditLog audit, CancellationToken ct) =>
        {
            if (await queries.FindContactAsync(user.BusinessId(), contactId, ct) is not { } contact)
            {
                return DashboardProblems.UnknownContact(contactId);
            }

            var text = body?.Text?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return DashboardProblems.BadRequest("'text' is required.");
            }

            if (text.Length > MaxReplyLength)
            {
                return DashboardProblems.BadRequest($"'text' is {text.Length} characters; WhatsApp allows at most {MaxReplyLength}.");
            }

            if (!contact.AgentPaused)
            {
                // Two voices in one chat confuse customers: the owner writes only after taking the chat over.
                return DashboardProblems.Conflict("The agent is handling this conversation: take it over before replying.");
            }

            var requestKey = request.Headers["Idempotency-Key"].FirstOrDefault() is { Length: > 0 and <= 100 } given ? given : Guid.NewGuid().ToString("N");
            EnqueueResult queued;
            try
            {
                queued = await outbox.EnqueueAsync(
                    new OutboundMessage(contact.BusinessId, contact.WaId, new TextContent(text), OwnerReplies.Key(contact.Id, requestKey))
                    {
                        Channel = ChannelNames.Parse(contact.Channel),
                    },
                    ct);
            }
            catch (OutboundContentException e)
            {
                return DashboardProblems.BadRequest(e.Message);
            }

            var now = clock.GetUtcNow();
            if (queued.Created)
            {
                // The agent reads its memory when it is back: what the owner promised is part of the conversation.
                await memory.AppendTurnAsync(contact.BusinessId, contact.Id, new ConversationTurn(ConversationTurn.Agent, text, now.ToUnixTimeMilliseconds()), ct);
                // The log says that a person wrote and how much, not what: message text stays in the conversation only.
                await audit.RecordAsync(user, AuditActions.ConversationReply, "contact", contact.Id, null, new { messageId = queued.Id, characters = text.Length }, ct);
            }

            return Results.Ok(new ChatMessage(queued.Id, ChatMessage.Out, ChatMessage.Owner, text, now, "queued"));
        });

        return app;
    }
}
