using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HaloAgent.Platform.Naming;

/// <summary>
/// Names every column of a model with <see cref="SnakeCase"/> on every provider, so hand-written migrations and SQL
/// read the same on SQLite and PostgreSQL.
/// </summary>
public static class SnakeCaseModel
{
    public static void Apply(ModelBuilder model, SnakeCaseColumns? options = null)
    {
        options ??= SnakeCaseColumns.Default;
        foreach (var entity in model.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ColumnName(property.Name, options));
                var enumType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (options.EnumsAsText && enumType.IsEnum)
                {
                    property.SetValueConverter((ValueConverter)Activator.CreateInstance(typeof(EnumAsText<>).MakeGenericType(enumType))!);
                }
            }
        }
    }

    public static string ColumnName(string propertyName, SnakeCaseColumns? options = null)
    {
        options ??= SnakeCaseColumns.Default;
        var name = propertyName;
        foreach (var word in options.OneWord)
        {
            name = name.Replace(word, word[..1] + word[1..].ToLowerInvariant(), StringComparison.Ordinal);
        }

        if (options.DropSuffix is { Length: > 0 } suffix && name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
        {
            name = name[..^suffix.Length];
        }

        return SnakeCase.Of(name);
    }

    private sealed class EnumAsText<TEnum>() : ValueConverter<TEnum, string>(v => SnakeCase.Of(v), v => SnakeCase.Parse<TEnum>(v))
        where TEnum : struct, Enum;
}

/// <summary>
/// How a module's columns are named beyond the rule itself. These exist because stored names depend on them (the
/// commerce tables were created with them); a new module should not need any.
/// </summary>
public sealed record SnakeCaseColumns
{
    public static SnakeCaseColumns Default { get; } = new();

    /// <summary>Compound words written as one: ["WhatsApp"] gives whatsapp_phone_number_id, not whats_app_phone_number_id.</summary>
    public IReadOnlyList<string> OneWord { get; init; } = [];

    /// <summary>A suffix left out of the column: "Json" stores NamesJson as names.</summary>
    public string? DropSuffix { get; init; }

    /// <summary>Enum properties stored as their snake_case names (pending_payment) instead of numbers.</summary>
    public bool EnumsAsText { get; init; }
}
