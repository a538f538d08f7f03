namespace HaloAgent.Payments.Processes;

/// <summary>A private scratch directory for one tool run, deleted afterwards (the files are customer data).</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("halo-payments-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory is not worth failing the payment check for.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
