using HaloAgent.Engine.Execution;

namespace HaloAgent.Engine.Runtime.Persistence;

/// <summary>
/// Tells the engine which failures inside a step are the database coming back (PostgreSQL restarting or cutting a
/// session, SQLite busy): the same rule the engine's own writes retry on, applied to the domain modules' database
/// calls that steps make (their DbContexts and Dapper connections share the provider).
/// </summary>
internal sealed class DatabaseTransientFailures(SqlDialect dialect) : ITransientFailureClassifier
{
    public bool IsTransient(Exception exception) => dialect.IsTransient(exception);
}
