namespace HaloAgent.Channels.Messages;

/// <summary>
/// Parameters for one part of a template: <c>header</c>, <c>body</c>, or <c>button</c> (then with
/// <see cref="SubType"/> such as <c>quick_reply</c> and the button's <see cref="Index"/>).
/// </summary>
public sealed record TemplateComponent(string Type, IReadOnlyList<TemplateParameter> Parameters, string? SubType = null, int? Index = null);
