using HaloAgent.Platform.Languages;

namespace HaloAgent.Commerce.Catalog;

/// <summary>A product's name per language, with English as the fallback every product has.</summary>
public sealed class LocalizedNames(IReadOnlyDictionary<string, string> names)
{
    public IReadOnlyDictionary<string, string> All { get; } = names;

    /// <summary>The name in that language, else English, else any name there is.</summary>
    public string For(string? language)
    {
        if (language is not null && All.TryGetValue(language, out var name) && !string.IsNullOrWhiteSpace(name))
        {
            return name;
        }

        if (All.TryGetValue(LanguageCodes.English, out var english) && !string.IsNullOrWhiteSpace(english))
        {
            return english;
        }

        return All.Values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? string.Empty;
    }
}
