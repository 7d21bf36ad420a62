using System.Net;

namespace Cognito.Grains.Hosting;

/// <summary>
/// How the silo is clustered and where sessions are kept (configuration section <c>Orleans</c>).
/// The defaults run one silo on localhost with sessions in memory, as the quick start does.
/// </summary>
public sealed class CognitoHostingOptions
{
    /// <summary>The configuration section: <c>Orleans</c>.</summary>
    public const string SectionName = "Orleans";

    /// <summary>Orleans' own default for localhost clusters, which localhost clients assume too.</summary>
    public const string DevelopmentId = "dev";

    /// <summary>Where silos find each other: on localhost, or in Redis.</summary>
    public CognitoMembership Membership { get; set; } = CognitoMembership.Localhost;

    /// <summary>Where sessions are kept: memory, or Redis (encrypted).</summary>
    public CognitoSessionStorage Storage { get; set; } = CognitoSessionStorage.Memory;

    /// <summary>Names one deployment of the cluster; silos and clients of one cluster share it. Required with Redis membership.</summary>
    public string? ClusterId { get; set; }

    /// <summary>Names the service across deployments; it prefixes every stored key, so keep it stable. Required with Redis.</summary>
    public string? ServiceId { get; set; }

    /// <summary>The port silos talk to each other on.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port clients connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at (Redis membership); by default the host's first address.</summary>
    public IPAddress? AdvertisedAddress { get; set; }

    /// <summary>The Redis connection, for Redis membership or storage.</summary>
    public CognitoRedisOptions Redis { get; } = new();

    /// <summary>Redis membership: how often silos probe each other, and how long a probe may take (see <see cref="CognitoFailureDetection"/>).</summary>
    public TimeSpan ProbeTimeout { get; set; } = CognitoFailureDetection.DefaultProbeTimeout;

    /// <summary>Redis membership: missed probes before a silo votes another dead.</summary>
    public int MissedProbesLimit { get; set; } = CognitoFailureDetection.DefaultMissedProbesLimit;

    internal bool UsesRedis => Membership == CognitoMembership.Redis || Storage == CognitoSessionStorage.Redis;

    internal string EffectiveClusterId => ClusterId ?? DevelopmentId;

    internal string EffectiveServiceId => ServiceId ?? DevelopmentId;

    internal string EffectiveKeyRingKey => Redis.KeyRingKey ?? $"{EffectiveServiceId}/data-protection-keys";
}
