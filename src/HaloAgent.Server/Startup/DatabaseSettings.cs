using HaloAgent.Engine.Runtime.Persistence;

namespace HaloAgent.Server.Startup;

/// <summary>
/// Which database to use: <c>HaloAgent:Database:Provider</c> (Sqlite, the default, or Postgres) and
/// <c>ConnectionStrings:HaloAgent</c>. With no connection string, SQLite uses <c>.data/haloagent.db</c> under the content root.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var providerName = configuration["HaloAgent:Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerName)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"HaloAgent:Database:Provider must be Sqlite or Postgres, not '{providerName}'.");
        var connectionString = configuration.GetConnectionString("HaloAgent");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("HaloAgent:Database:Provider is Postgres, so ConnectionStrings:HaloAgent must be set.");
            }

            var folder = Path.Combine(environment.ContentRootPath, ".data");
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "haloagent.db")};Cache=Shared";
        }

        return new DatabaseSettings(provider, connectionString);
    }
}
