namespace HaloAgent.Platform.Events;

/// <summary>One event of the catalogue: its name, what it means, and the fields of its payload.</summary>
public sealed record EventDefinition(string Name, string Description, IReadOnlyList<EventField> Payload);

/// <summary>
/// One payload field. <see cref="Name"/> is a path (<c>contact.name</c> is <c>name</c> inside the object
/// <c>contact</c>; <c>order.items[].sku</c> is inside each item of a list); <see cref="Type"/> is the JSON type as
/// flows see it (string, number, boolean, object, list), with a trailing <c>?</c> when the field may be null.
/// </summary>
public sealed record EventField(string Name, string Type, string Description);
