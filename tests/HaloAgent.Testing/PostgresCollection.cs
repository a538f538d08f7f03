using System.Data.Common;
using Xunit;

namespace HaloAgent.Testing;

/// <summary>
/// xUnit class fixture: a fresh database on the shared <see cref="PostgresServer"/> for one test class, so test
/// classes (which xUnit runs in parallel) never see each other's data. The database is dropped when the class ends.
/// </summary>
/// <example>
/// <code>
/// public sealed class OrderStoreTests(PostgresDatabaseFixture db) : IClassFixture&lt;PostgresDatabaseFixture&gt;
/// {
///     [Fact]
///     public async Task Saves() { var cs = db.ConnectionString; ... }
/// }
/// </code>
/// Tests that restart or stop PostgreSQL use their own server instead:
/// <c>await using var pg = await PostgresServer.StartPrivateAsync();</c>.
/// (xUnit v2 only finds [CollectionDefinition] classes in the test assembly itself, so a collection fixture
/// would have to be declared there; a class fixture works from this library as is.)
/// </example>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private PostgresServer? _server;
    private string? _connectionString;
    private string? _database;

    /// <summary>The shared server the database lives on.</summary>
    public PostgresServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialized yet.");

    /// <summary>Connection string of this test class's database.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The fixture is not initialized yet.");

    /// <summary>Name of this test class's database.</summary>
    public string DatabaseName => _database ?? throw new InvalidOperationException("The fixture is not initialized yet.");

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync().ConfigureAwait(false);
        _connectionString = await _server.CreateDatabaseAsync("halo_test").ConfigureAwait(false);
        var builder = new DbConnectionStringBuilder { ConnectionString = _connectionString };
        _database = builder["Database"].ToString();
    }

    public async Task DisposeAsync()
    {
        if (_server is null || _database is null)
        {
            return;
        }

        try
        {
            // WITH (FORCE) also ends connections still sitting in the application's pool.
            await _server.DropDatabaseAsync(_database).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Best effort: a throwaway cluster is deleted at process exit anyway.
        }
    }
}
