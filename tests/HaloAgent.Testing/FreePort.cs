using System.Net;
using System.Net.Sockets;

namespace HaloAgent.Testing;

/// <summary>Finds a TCP port on loopback that nothing listens on right now.</summary>
/// <remarks>
/// The port is only free at the moment it is read: another process may take it before the caller binds it.
/// Callers that start a server on it should retry with a new port when the bind fails.
/// </remarks>
public static class FreePort
{
    /// <summary>Binds a listener to port 0 on 127.0.0.1, reads the port the OS picked, and releases it.</summary>
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        // Not ExclusiveAddressUse/ReuseAddress: we want the plain default so the port is released right away.
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
