using HaloAgent.Platform.Audience;
using HaloAgent.Platform.Messaging;
using HaloAgent.Marketing.Segments;
using HaloAgent.Marketing.Templates;

namespace HaloAgent.Marketing.Broadcasts;

/// <summary>Checks a draft against the segments and the templates Meta approved, with where-and-why errors.</summary>
public sealed class BroadcastRules(SegmentStore segments, ITemplateCatalog templates, IMarketingContent content)
{
    public const int MaxName = 80;
    public const int MaxParameter = 1024;

    /// <summary>The draft with its audience filter and the template's versions, as checked (the pre-flight goes on from them).</summary>
    public sealed record CheckedDraft(
        string Name, string TemplateName, string Fallback, IReadOnlyList<string> Parameters, AudienceFilter Filter, IReadOnlyList<WhatsAppTemplate> Variants);

    public async Task<CheckedDraft> CheckAsync(
        string businessId, BroadcastInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxName)
        {
            errors["name"] = [$"Give the broadcast a name of 1 to {MaxName} characters."];
        }

        var filter = new AudienceFilter();
        if (input.SegmentId is { Length: > 0 } segmentId)
        {
            if (await segments.FindAsync(businessId, segmentId, cancellationToken) is { } segment)
            {
                filter = segment.Filter;
            }
            else
            {
                errors["segmentId"] = [$"There is no segment '{segmentId}'."];
            }
        }

        var parameters = (input.Parameters ?? []).Select(p => p?.Trim() ?? "").ToList();
        if (parameters.Any(p => p.Length is 0 or > MaxParameter))
        {
            errors["parameters"] = [$"Every template parameter needs a value of 1 to {MaxParameter} characters."];
        }

        var templateName = input.TemplateName?.Trim() ?? "";
        var fallback = string.IsNullOrWhiteSpace(input.FallbackLanguage)
            ? await content.TemplateFallbackAsync(businessId, cancellationToken)
            : input.FallbackLanguage.Trim();
        var variants = (await templates.ListAsync(businessId, cancellationToken)).Where(t => t.Name == templateName).ToList();
        var approved = variants.Where(TemplateChoice.IsApproved).ToList();
        if (templateName.Length == 0)
        {
            errors["templateName"] = ["Choose a WhatsApp template."];
        }
        else if (variants.Count == 0)
        {
            errors["templateName"] = [$"There is no template '{templateName}': sync the templates from Meta first."];
        }
        else if (approved.Count == 0)
        {
            errors["templateName"] = [$"Meta has not approved '{templateName}' in any language ({string.Join(", ", variants.Select(v => $"{v.Language}: {v.Status}"))})."];
        }
        else
        {
            if (new TemplateChoice(variants, fallback).For(fallback) is null)
            {
                errors["fallbackLanguage"] = [$"'{templateName}' has no approved '{fallback}' version; choose one of {string.Join(", ", approved.Select(v => v.Language))}."];
            }

            if (approved.FirstOrDefault(v => v.ParameterCount != parameters.Count) is { } mismatch)
            {
                errors["parameters"] = [$"'{templateName}' ({mismatch.Language}) takes {mismatch.ParameterCount} parameter(s); {parameters.Count} given."];
            }
        }

        if (errors.Count > 0)
        {
            throw new BroadcastRejectedException(errors);
        }

        return new CheckedDraft(name, templateName, fallback, parameters, filter, variants);
    }
}
