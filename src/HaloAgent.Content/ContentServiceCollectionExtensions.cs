using HaloAgent.Commerce;
using HaloAgent.Content.Helpers;
using HaloAgent.Engine.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using HaloAgent.Engine;
using HaloAgent.Platform.Languages;

namespace HaloAgent.Content;

public static class ContentServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="MessageTemplates"/> from <paramref name="templatesPath"/> (the folder holding <c>messages/</c>;
    /// <see cref="MessageTemplates.DefaultPath"/> is where the build copies them), and the <c>naira</c> and <c>plural</c>
    /// helpers for the engine's flow text templates too (English formatting there).
    /// </summary>
    public static IServiceCollection AddHaloContent(this IServiceCollection services, string templatesPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templatesPath);
        services.TryAddSingleton(sp => new MessageTemplates(templatesPath, sp.GetService<IOptions<EngineLimits>>()?.Value));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITemplateHelper, PluralHelper>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITemplateHelper, NairaHelper>(_ => new NairaHelper(LanguageCodes.English)));
        return services;
    }
}
