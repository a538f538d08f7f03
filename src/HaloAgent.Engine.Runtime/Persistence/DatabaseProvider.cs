namespace HaloAgent.Engine.Runtime.Persistence;

public enum DatabaseProvider
{
    /// <summary>Embedded, single node: the default for <c>dotnet run</c>.</summary>
    Sqlite,

    /// <summary>Shared by several server nodes.</summary>
    Postgres,
}
