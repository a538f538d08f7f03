using HaloAgent.Commerce.Contacts;
using HaloAgent.Platform.Languages;

namespace HaloAgent.Server.Dashboard;

/// <summary>The owner's or an agent's changes to a contact: language, tags and note, validated before anything is written.</summary>
public sealed class ContactEditor(IContactService contacts)
{
    /// <summary>What the patch would store (the note as stored), or the reason it is refused (then nothing is written).</summary>
    public static (string? Language, IReadOnlyList<string>? Tags, string? Note, string? Error) Validate(ContactPatch patch)
    {
        string? note = null;
        if (patch.TeamNote is not null && (note = ContactNote.Normalize(patch.TeamNote)) is null)
        {
            return (null, null, null, $"A note has at most {ContactNote.MaxLength} characters.");
        }

        string? language = null;
        if (patch.Language is not null)
        {
            language = LanguageCodes.Normalize(patch.Language);
            if (language is null)
            {
                return (null, null, null, $"'{patch.Language}' is not a language the agent speaks: use one of {string.Join(", ", LanguageCodes.All)}.");
            }
        }

        IReadOnlyList<string>? tags = null;
        if (patch.Tags is not null && (tags = ContactTags.NormalizeAll(patch.Tags, out var error)) is null)
        {
            return (null, null, null, error);
        }

        return language is null && tags is null && note is null
            ? (null, null, null, "Nothing to change: send a language, tags and/or a note.")
            : (language, tags, note, null);
    }

    public async Task ApplyAsync(string contactId, string? language, IReadOnlyList<string>? tags, string? note, CancellationToken cancellationToken)
    {
        if (note is not null)
        {
            await contacts.SetNoteAsync(contactId, note, cancellationToken);
        }

        if (language is not null)
        {
            await contacts.SetLanguageAsync(contactId, language, cancellationToken);
        }

        if (tags is not null)
        {
            await contacts.SetTagsAsync(contactId, tags, cancellationToken);
        }
    }
}
