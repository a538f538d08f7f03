using HaloAgent.Commerce;
using HaloAgent.Content;
using HaloAgent.Server.Auth;

namespace HaloAgent.Server.Dashboard;

/// <summary>The designer's template picker: the message template keys per language, and a rendered preview.</summary>
public static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/templates").WithTags("Templates").RequireAuthorization(AuthPolicies.ManageFlows);

        templates.MapGet("/", (MessageTemplates messages) =>
        {
            var languages = LanguageCodes.All.Where(messages.Languages.Contains).ToList();
            return languages
                .SelectMany(messages.KeysIn)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Select(key => new TemplateInfo(key, languages.Where(l => messages.Has(key, l)).ToList()))
                .ToList();
        });

        templates.MapPost("/preview", (TemplatePreviewBody? body, MessageTemplates messages) =>
        {
            if (body?.Text is { } text)
            {
                return PreviewText(text, body, messages);
            }

            var key = body?.Key?.Trim();
            if (string.IsNullOrEmpty(key))
            {
                return DashboardProblems.BadRequest("'key' is required.");
            }

            if (!messages.Languages.Any(l => messages.Has(key, l)))
            {
                return DashboardProblems.NotFound($"There is no message template '{key}'.");
            }

            try
            {
                // As flows render it: a language without its own text (or an unknown code) reads the English template.
                return Results.Ok(new TemplatePreview(messages.Render(key, body!.Language, body.Data)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A template fed data of the wrong shape (e.g. text where {{naira}} wants an amount): tell the designer why.
                return DashboardProblems.BadRequest($"The template '{key}' could not be rendered: {e.Message}");
            }
        });

        return app;
    }

    /// <summary>A message text written in the Studio (a Send message node's own text): checked as the template files are, then rendered.</summary>
    private static IResult PreviewText(string text, TemplatePreviewBody body, MessageTemplates messages)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DashboardProblems.BadRequest("'text' must not be empty.");
        }

        var problems = messages.Check(text, body.Language);
        if (problems.Count > 0)
        {
            return DashboardProblems.BadRequest($"The text is not a valid message template: {string.Join(" ", problems)}");
        }

        try
        {
            return Results.Ok(new TemplatePreview(messages.RenderText(text, body.Language, body.Data)));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return DashboardProblems.BadRequest($"The text could not be rendered: {e.Message}");
        }
    }
}
