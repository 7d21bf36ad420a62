using Cognito.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Cognito.Grains.Health;

/// <summary>
/// The session storage answers. With Redis storage (<see cref="CognitoRedisConnection"/> registered)
/// a PING on the shared connection; memory storage lives in the process and is always healthy.
/// </summary>
internal sealed class CognitoStorageHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<CognitoRedisConnection>() is not { } redis)
        {
            return HealthCheckResult.Healthy("sessions in memory");
        }

        try
        {
            var connection = await redis.GetAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Redis answered PING in {latency.TotalMilliseconds:0.#} ms");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // The exception's message may quote the connection string's endpoints; its type says enough.
            return HealthCheckResult.Unhealthy($"Redis did not answer PING ({e.GetType().Name})");
        }
    }
}
