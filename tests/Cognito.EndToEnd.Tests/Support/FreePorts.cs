using System.Net;
using System.Net.Sockets;

namespace Cognito.EndToEnd.Tests.Support;

public static class FreePorts
{
    /// <summary><paramref name="count"/> distinct loopback ports that were free a moment ago (all held open together while chosen).</summary>
    public static int[] Take(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}
