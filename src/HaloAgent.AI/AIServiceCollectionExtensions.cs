using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HaloAgent.AI;

public static class AIServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMessageUnderstanding"/>: the built-in rules, plus the LLM when the section
    /// "HaloAgent:Llm" of <paramref name="configuration"/> (the application's root configuration) enables it.
    /// </summary>
    public static IServiceCollection AddHaloAI(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging();
        services.AddOptions<LlmOptions>().Bind(configuration.GetSection(LlmOptions.SectionName));
        services.AddMetrics();
        services.TryAddSingleton<AiMetrics>();
        services.TryAddSingleton<RuleBasedUnderstanding>();
        services.TryAddSingleton<LlmUnderstanding>();
        services.TryAddSingleton<IMessageUnderstanding, CompositeUnderstanding>();
        return services;
    }
}
