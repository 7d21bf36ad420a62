using Cognito.Grains.Pools;
using Cognito.IdentityProvider.Errors;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cognito.Grains.Health;

/// <summary>
/// Each pool's token verifier holds the pool's signing keys: given ones always do; downloaded ones
/// are fetched now if they never were (the verifier's one shared download), after which the check
/// costs nothing. Without keys, <c>SignInWithTokensAsync</c> and <c>VerifyTokenAsync</c> fail.
/// </summary>
internal sealed class CognitoJwksHealthCheck(CognitoPoolRegistry pools) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        PoolHealth.CheckAllAsync(pools, CheckAsync, cancellationToken);

    private static async Task<PoolVerdict> CheckAsync(CognitoPool pool, CancellationToken cancellationToken)
    {
        try
        {
            await pool.Verifier.PreloadKeysAsync(cancellationToken).ConfigureAwait(false);
            return new PoolVerdict(HealthStatus.Healthy, "keys loaded");
        }
        catch (CognitoJwksException e)
        {
            return new PoolVerdict(HealthStatus.Unhealthy, $"no signing keys ({e.ErrorCode})");
        }
    }
}
