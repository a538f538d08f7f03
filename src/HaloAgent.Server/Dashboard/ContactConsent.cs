using HaloAgent.Commerce.Contacts;

namespace HaloAgent.Server.Dashboard;

/// <summary>
/// Marketing consent as the owner reads it. A contact the business never asked is <see cref="NotAsked"/>, not opted out:
/// broadcasts skip both, but only a customer who said no (STOP, or "no" on the owner's list) has opted out.
/// </summary>
public static class ContactConsent
{
    public const string NotAsked = "not_asked";
    public const string OptedIn = "opted_in";
    public const string OptedOut = "opted_out";

    /// <summary>The state and when it last changed (null when never asked).</summary>
    public static (string State, DateTimeOffset? ChangedAt) Of(Contact c)
    {
        if (c.MarketingOptOut)
        {
            return (OptedOut, DashboardTime.At(c.MarketingOptOutAt ?? c.UpdatedAt));
        }

        if (c.MarketingConsent)
        {
            return (OptedIn, DashboardTime.At(c.MarketingConsentAt ?? c.UpdatedAt));
        }

        // Consent withdrawn on the owner's list keeps the time of that answer (see ContactImporter).
        return c.MarketingConsentAt is { } at ? (OptedOut, DashboardTime.At(at)) : (NotAsked, null);
    }

    /// <summary>
    /// The consent changes the contact's row records, oldest first: the row keeps the latest time of each kind of change
    /// (consent to process their data, opt-in, opt-out), not every change ever made.
    /// </summary>
    public static IReadOnlyList<ContactConsentChange> History(Contact c)
    {
        var changes = new List<ContactConsentChange>();
        if (c.DataConsent && c.DataConsentAt is { } data)
        {
            changes.Add(new ContactConsentChange("data", DashboardTime.At(data), $"Wrote to the business ({ChannelName(c.Channel)}): agreed to their data being used for orders"));
        }

        if (c.MarketingConsentAt is { } consentAt)
        {
            // The customer's START comes in a chat; a contact who never wrote was opted in (or out) by the owner's list.
            var how = c.DataConsentAt is null ? "On the owner's contact list" : "Said START in the chat, or on the owner's contact list";
            changes.Add(c.MarketingConsent || c.MarketingOptOut
                ? new ContactConsentChange(OptedIn, DashboardTime.At(consentAt), how)
                : new ContactConsentChange(OptedOut, DashboardTime.At(consentAt), "Marked \"no\" on the owner's contact list"));
        }

        if (c.MarketingOptOut && c.MarketingOptOutAt is { } outAt)
        {
            changes.Add(new ContactConsentChange(OptedOut, DashboardTime.At(outAt), "Said STOP in the chat"));
        }

        return changes.OrderBy(x => x.At).ToList();
    }

    private static string ChannelName(string channel) => channel switch
    {
        "webchat" => "web chat",
        "twilio" or "whatsapp" => "WhatsApp",
        _ => channel,
    };
}

/// <summary>One consent change: <c>data</c>, <c>opted_in</c> or <c>opted_out</c>, when, and how it was given.</summary>
public sealed record ContactConsentChange(string Kind, DateTimeOffset At, string How);
