using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cognito.Grains.Health;

/// <summary>
/// The silo's health checks: <c>services.AddHealthChecks().AddCognitoChecks()</c>. Each carries the
/// <see cref="ReadyTag"/> tag: a silo failing one cannot serve sign-ins, so it should get no traffic,
/// but restarting it would not help either (none of them is a liveness check).
/// </summary>
public static class CognitoHealthChecks
{
    /// <summary>Every configured pool's Cognito endpoint answers DescribeUserPool.</summary>
    public const string Reachable = "cognito-reachable";

    /// <summary>Every configured pool's token verifier holds the pool's signing keys.</summary>
    public const string Jwks = "cognito-jwks";

    /// <summary>The session storage answers: a Redis PING when sessions are in Redis; memory is always healthy.</summary>
    public const string Storage = "cognito-storage";

    /// <summary>The tag of the checks that decide readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>How long one check may take before it counts as failed.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Adds the checks above: Cognito reachable for every pool, every pool's JWKS loaded, and session storage reachable.</summary>
    public static IHealthChecksBuilder AddCognitoChecks(this IHealthChecksBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        string[] tags = [ReadyTag];
        return builder
            .AddCheck<CognitoReachableHealthCheck>(Reachable, HealthStatus.Unhealthy, tags, Timeout)
            .AddCheck<CognitoJwksHealthCheck>(Jwks, HealthStatus.Unhealthy, tags, Timeout)
            .AddCheck<CognitoStorageHealthCheck>(Storage, HealthStatus.Unhealthy, tags, Timeout);
    }
}
