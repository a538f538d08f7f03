using HaloAgent.Commerce.Contacts;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using HaloAgent.Commerce.Conversations;
using HaloAgent.Server.Audit;
using HaloAgent.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace HaloAgent.Server.Dashboard;

/// <summary>
/// Contacts: search and one contact's page (every role), language and tags (owner and agent), and the owner's data
/// requests: export, erasure (NDPA), forgetting a fact the agent keeps, and CSV import.
/// </summary>
public static class ContactsApi
{
    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        var contacts = app.MapGroup("/api/contacts").WithTags("Contacts");

        contacts.MapGet("/", (string? q, string? tag, ClaimsPrincipal user, ContactQueries queries, CancellationToken ct) => queries.SearchAsync(user.BusinessId(), q, tag, ct))
            .RequireAuthorization(AuthPolicies.ReadBusiness);

        contacts.MapGet("/{id}", async (string id, ClaimsPrincipal user, ContactDetailReader reader, IAuthorizationService authorization, CancellationToken ct) =>
        {
            // Every role reads the profile and orders; the chat only who may read the inbox (as /api/conversations).
            var readsChats = (await authorization.AuthorizeAsync(user, AuthPolicies.ManageOrders)).Succeeded;
            return await reader.GetAsync(user.BusinessId(), id, readsChats, ct) is { } detail ? Results.Ok(detail) : DashboardProblems.UnknownContact(id);
        }).RequireAuthorization(AuthPolicies.ReadBusiness);

        contacts.MapPatch("/{id}", async (
            string id, ContactPatch patch, ClaimsPrincipal user, ContactQueries queries, ContactEditor editor, ContactDetailReader reader, IAuditLog audit, CancellationToken ct) =>
        {
            if (await queries.FindAsync(user.BusinessId(), id, ct) is not { } contact)
            {
                return DashboardProblems.UnknownContact(id);
            }

            var (language, tags, note, error) = ContactEditor.Validate(patch);
            if (error is not null)
            {
                return DashboardProblems.BadRequest(error);
            }

            await editor.ApplyAsync(contact.Id, language, tags, note, ct);
            // The note's text stays out of the log (it may say anything about the customer): only that it changed.
            await audit.RecordAsync(
                user, AuditActions.ContactEdit, "contact", contact.Id,
                new { language = language is null ? null : ContactDisplay.Language(contact.PreferredLanguage), tags = tags is null ? null : ContactTags.Read(contact.Tags), note = note is null ? null : $"{contact.Note.Length} characters" },
                new { language, tags, note = note is null ? null : $"{note.Length} characters" }, ct);
            return Results.Ok(await reader.GetAsync(user.BusinessId(), contact.Id, withConversation: true, ct));
        }).RequireAuthorization(AuthPolicies.ManageOrders);

        contacts.MapDelete("/{id}/facts/{key}", async (
            string id, string key, ClaimsPrincipal user, ContactQueries queries, IConversationMemory memory, IAuditLog audit, CancellationToken ct) =>
        {
            if (await queries.FindAsync(user.BusinessId(), id, ct) is not { } contact)
            {
                return DashboardProblems.UnknownContact(id);
            }

            if ((await memory.GetAsync(contact.Id, ct)).Fact(key) is not { } value)
            {
                return DashboardProblems.NotFound($"The agent keeps no fact '{key}' about this contact.");
            }

            await memory.SetFactAsync(contact.BusinessId, contact.Id, key, null, ct);
            await audit.RecordAsync(user, AuditActions.ContactForgetFact, "contact", contact.Id, new { key, value }, null, ct);
            return Results.NoContent();
        }).RequireAuthorization(AuthPolicies.ManageContacts);

        contacts.MapGet("/{id}/export", async (
            string id, ClaimsPrincipal user, ConversationQueries conversations, ContactExporter exporter, IOptions<JsonOptions> json, IAuditLog audit, CancellationToken ct) =>
        {
            if (await conversations.FindContactAsync(user.BusinessId(), id, ct) is not { } contact)
            {
                return DashboardProblems.UnknownContact(id);
            }

            var export = await exporter.ExportAsync(contact, ct);
            await audit.RecordAsync(user, AuditActions.ContactExport, "contact", contact.Id, null, null, ct);
            var options = new JsonSerializerOptions(json.Value.SerializerOptions) { WriteIndented = true };
            return Results.File(JsonSerializer.SerializeToUtf8Bytes(export, options), "application/json", $"contact-{contact.Id}.json");
        }).RequireAuthorization(AuthPolicies.ManageContacts);

        contacts.MapDelete("/{id}", async (string id, ClaimsPrincipal user, ConversationQueries conversations, ContactErasure erasure, IAuditLog audit, CancellationToken ct) =>
        {
            if (await conversations.FindContactAsync(user.BusinessId(), id, ct) is not { } contact)
            {
                return DashboardProblems.UnknownContact(id);
            }

            await erasure.EraseAsync(contact, ct);
            // No name or phone in the log: the point of the erasure is that they are gone.
            await audit.RecordAsync(user, AuditActions.ContactErase, "contact", contact.Id, null, new { erased = true }, ct);
            return Results.NoContent();
        }).RequireAuthorization(AuthPolicies.ManageContacts);

        contacts.MapPost("/import", async (
            HttpRequest request, ClaimsPrincipal user, ContactImporter importer, IOptions<DashboardOptions> options, IAuditLog audit, CancellationToken ct) =>
        {
            var max = options.Value.MaxImportBytes;
            if (request.ContentLength > max)
            {
                return DashboardProblems.TooLarge($"The CSV is {request.ContentLength} bytes; at most {max} are accepted. Split it into smaller files.");
            }

            // Read at most one byte more than allowed: a body without (or lying about) its length is cut off there.
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return DashboardProblems.TooLarge($"The CSV is larger than {max} bytes. Split it into smaller files.");
                }

                buffer.Write(chunk, 0, read);
            }

            string csv;
            try
            {
                csv = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            }
            catch (DecoderFallbackException)
            {
                return DashboardProblems.BadRequest("The CSV is not UTF-8 text: save it as 'CSV UTF-8'.");
            }

            if (string.IsNullOrWhiteSpace(csv))
            {
                return DashboardProblems.BadRequest("The CSV is empty: send lines of name,phone,language,marketingOptIn.");
            }

            var result = await importer.ImportAsync(user.BusinessId(), csv, ct);
            await audit.RecordAsync(user, AuditActions.ContactImport, "contacts", null, null, new { result.Imported, result.Updated, refused = result.Errors.Count, bytes = buffer.Length }, ct);
            return Results.Ok(result);
        }).RequireAuthorization(AuthPolicies.ManageContacts);

        return app;
    }
}
