namespace Cognito.Silo.Health;

/// <summary>The <c>Cognito:Health</c> section: where the silo answers health probes over HTTP.</summary>
public sealed class HealthEndpointOptions
{
    public const string SectionName = "Cognito:Health";

    /// <summary>Next to the silo (11111) and gateway (30000) ports, and clear of the ports web front ends use.</summary>
    public const int DefaultPort = 11180;

    /// <summary>The TCP port, on every address; 0 turns the endpoint off.</summary>
    public int Port { get; set; } = DefaultPort;
}
