using System.Globalization;

namespace Cognito.EndToEnd.Tests.Support;

/// <summary>A real <c>Cognito.Silo</c> process on free localhost ports, configured through environment variables.</summary>
public static class SiloProcess
{
    /// <summary>The line the silo prints once it serves clients.</summary>
    public const string StartedLine = "Silo started";

    public static TimeSpan StartTimeout { get; } = TimeSpan.FromSeconds(90);

    /// <summary>The setting of the silo's health endpoint port.</summary>
    public const string HealthPortVariable = "Cognito__Health__Port";

    /// <summary>
    /// Starts a silo with <paramref name="settings"/> (configuration keys in environment-variable
    /// form, such as <c>Cognito__Pools__main__UserPoolId</c>) on two free ports, without waiting.
    /// </summary>
    public static (ChildProcess Process, int SiloPort, int GatewayPort) Start(IReadOnlyDictionary<string, string> settings)
    {
        var ports = FreePorts.Take(3);
        var environment = new Dictionary<string, string>(settings, StringComparer.Ordinal)
        {
            ["Orleans__SiloPort"] = ports[0].ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
        };
        // Several silos run at once: each gets its own health port unless the test chose one.
        environment.TryAdd(HealthPortVariable, ports[2].ToString(CultureInfo.InvariantCulture));
        return (ChildProcess.StartDotnet(ProcessPaths.Silo, [], environment), ports[0], ports[1]);
    }

    /// <summary>
    /// Starts a silo and waits until it says it started. A silo that exits first (a port taken
    /// between choosing and binding it) is tried again on other ports, twice at most.
    /// </summary>
    public static async Task<(ChildProcess Process, int GatewayPort)> StartAndWaitAsync(IReadOnlyDictionary<string, string> settings)
    {
        var (process, gatewayPort) = await ReadyProcess.StartAsync(() =>
        {
            var (silo, _, gateway) = Start(settings);
            return (silo, gateway);
        }, StartedLine, StartTimeout);
        return (process, gatewayPort);
    }
}
