using HaloAgent.Platform.Languages;

namespace HaloAgent.Content;

/// <summary>
/// Day names in the customer's language, for telling them when the kitchen opens. .NET's cultures have no Pidgin and
/// ICU builds without African data print English for the others, so the names are written here.
/// </summary>
public static class Weekdays
{
    private static readonly Dictionary<string, string[]> Names = new(StringComparer.Ordinal)
    {
        [LanguageCodes.English] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        [LanguageCodes.Pidgin] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        [LanguageCodes.Yoruba] = ["Ọjọ́ Àìkú", "Ọjọ́ Ajé", "Ọjọ́ Ìṣẹ́gun", "Ọjọ́rú", "Ọjọ́bọ̀", "Ọjọ́ Ẹtì", "Ọjọ́ Àbámẹ́ta"],
        [LanguageCodes.Igbo] = ["Sọnde", "Mọnde", "Tiuzde", "Wenezde", "Tọzde", "Fraịde", "Satọde"],
        [LanguageCodes.Hausa] = ["Lahadi", "Litinin", "Talata", "Laraba", "Alhamis", "Jumma'a", "Asabar"],
    };

    public static string Name(DayOfWeek day, string? language) =>
        (Names.TryGetValue(LanguageCodes.Normalize(language) ?? LanguageCodes.English, out var names) ? names : Names[LanguageCodes.English])[(int)day];
}
