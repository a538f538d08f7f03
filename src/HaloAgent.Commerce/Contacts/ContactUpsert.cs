namespace HaloAgent.Commerce.Contacts;

/// <summary>The contact an inbound message belongs to; <see cref="Created"/> is true the first time they write.</summary>
public sealed record ContactUpsert(ContactInfo Contact, bool Created);
