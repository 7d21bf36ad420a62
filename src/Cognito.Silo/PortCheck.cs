using System.Net;
using System.Net.Sockets;
using Cognito.Grains.Hosting;
using Cognito.Silo.Health;

namespace Cognito.Silo;

/// <summary>
/// Finds a port the silo needs that another process holds, before Orleans tries it (Orleans would
/// log pages of stack traces and abort), and names it with the setting that moves it.
/// </summary>
internal static class PortCheck
{
    /// <summary>The one-line complaint about the first busy port, or null when all are free; a <paramref name="healthPort"/> of 0 is off.</summary>
    public static string? FindBusy(CognitoHostingOptions hosting, int healthPort)
    {
        ArgumentNullException.ThrowIfNull(hosting);
        var ports = new[]
        {
            (hosting.SiloPort, "silo", $"{CognitoHostingOptions.SectionName}:SiloPort"),
            (hosting.GatewayPort, "gateway", $"{CognitoHostingOptions.SectionName}:GatewayPort"),
            (healthPort, "health endpoint", $"{HealthEndpointOptions.SectionName}:Port"),
        };
        foreach (var (port, what, key) in ports)
        {
            if (port > 0 && IsBusy(port))
            {
                return Describe(port, what, key);
            }
        }

        return null;
    }

    public static string Describe(int port, string what, string key) =>
        $"Port {port} (the {what} port) is already in use; choose another with --{key}=N.";

    private static bool IsBusy(int port)
    {
        // Any address covers loopback too: a listener on 127.0.0.1:port makes this bind fail. Address
        // reuse lets a port still in TIME_WAIT from the last run pass, as it does for Orleans' own listener.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return true;
        }
    }
}
