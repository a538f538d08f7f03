namespace HaloAgent.Chaos;

/// <summary>Where the repository and the built server are, from wherever the harness runs (tests or bench).</summary>
public static class ChaosPaths
{
    public static string RepoRoot { get; } = Find();

    /// <summary>The configuration the caller was built with, so the server processes run the same build.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar).Contains("Release") ? "Release" : "Debug";

    public static string ServerDll => Path.Combine(RepoRoot, "src", "HaloAgent.Server", "bin", Configuration, "net10.0", "HaloAgent.Server.dll");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HaloAgent.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find HaloAgent.sln above " + AppContext.BaseDirectory);
    }
}
