using Cognito.Grains.Pools;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cognito.Grains.Health;

/// <summary>
/// Each pool's Cognito endpoint answers DescribeUserPool for the pool. That call, rather than a
/// JWKS download, goes to the API endpoint the grains use (<c>ServiceUrl</c>), proves the pool
/// exists and that the silo's credentials are accepted, and changes nothing. It is signed; a pool
/// without credentials, or whose credentials are refused, is Degraded (Cognito answered, so it is
/// reachable, but the silo's admin calls will fail). Throttling is Degraded too: Cognito answered.
/// Results are kept for <see cref="CacheFor"/>, so probes however frequent cost at most one call
/// per pool in that time against the account's DescribeUserPool quota.
/// </summary>
internal sealed class CognitoReachableHealthCheck(CognitoPoolRegistry pools) : IHealthCheck
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private (DateTimeOffset At, HealthCheckResult Result)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = TimeProvider.System.GetUtcNow();
        lock (_gate)
        {
            if (_last is { } last && now - last.At < CacheFor)
            {
                return last.Result;
            }
        }

        var result = await PoolHealth.CheckAllAsync(pools, CheckAsync, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _last = (now, result);
        }

        return result;
    }

    private static async Task<PoolVerdict> CheckAsync(CognitoPool pool, CancellationToken cancellationToken)
    {
        try
        {
            await pool.Client.DescribeUserPoolAsync(new DescribeUserPoolRequest { UserPoolId = pool.UserPoolId }, cancellationToken).ConfigureAwait(false);
            return new PoolVerdict(HealthStatus.Healthy, "reachable");
        }
        catch (ResourceNotFoundException)
        {
            return new PoolVerdict(HealthStatus.Unhealthy, $"Cognito has no pool {pool.UserPoolId} ({ResourceNotFoundException.Code})");
        }
        catch (CognitoConfigurationException)
        {
            return new PoolVerdict(HealthStatus.Degraded, "no AWS credentials to sign DescribeUserPool, so reachability is not checked");
        }
        catch (CognitoException e) when (e is TooManyRequestsException || (!CognitoTransience.IsTransient(e) && e is CognitoServiceException))
        {
            return new PoolVerdict(HealthStatus.Degraded, $"reachable, but DescribeUserPool was refused ({e.ErrorCode})");
        }
        catch (CognitoException e)
        {
            return new PoolVerdict(HealthStatus.Unhealthy, $"unreachable ({e.ErrorCode})");
        }
    }
}
