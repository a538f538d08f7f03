using System.Text;
using Microsoft.EntityFrameworkCore;

namespace HaloAgent.Engine.Runtime.Persistence;

/// <summary>snake_case column names on every provider, so hand-written SQL reads the same on SQLite and PostgreSQL.</summary>
public static class SnakeCaseColumns
{
    public static void Apply(ModelBuilder model)
    {
        foreach (var entity in model.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(Convert(property.Name));
            }
        }
    }

    public static string Convert(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
