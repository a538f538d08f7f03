namespace HaloAgent.Testing;

/// <summary>The directory holding HaloAgent.sln, found upwards from the running test (or bench) binary.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The build configuration these tests were built with (Debug or Release), so a server process runs the same build.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Split(System.IO.Path.DirectorySeparatorChar).Contains("Release") ? "Release" : "Debug";

    /// <summary>The server built in <see cref="Configuration"/>, as a node process runs it (<see cref="ServerNode"/>).</summary>
    public static string ServerDll => System.IO.Path.Combine(Path, "src", "HaloAgent.Server", "bin", Configuration, "net10.0", "HaloAgent.Server.dll");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "HaloAgent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find HaloAgent.sln above " + AppContext.BaseDirectory);
    }
}
