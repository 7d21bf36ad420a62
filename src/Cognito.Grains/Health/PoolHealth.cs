using Cognito.Grains.Pools;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cognito.Grains.Health;

/// <summary>
/// One verdict over every configured pool: the worst pool's status, a description that names each
/// pool that is not healthy and why (an error code, never a message), and each pool's status as data.
/// </summary>
internal static class PoolHealth
{
    public static async Task<HealthCheckResult> CheckAllAsync(
        CognitoPoolRegistry pools,
        Func<CognitoPool, CancellationToken, Task<PoolVerdict>> check,
        CancellationToken cancellationToken)
    {
        var names = pools.Names.Order(StringComparer.Ordinal).ToArray();
        var verdicts = await Task.WhenAll(names.Select(async name =>
        {
            try
            {
                return (name, verdict: await check(pools.Get(name), cancellationToken).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return (name, verdict: new PoolVerdict(HealthStatus.Unhealthy, $"no answer within {CognitoHealthChecks.Timeout.TotalSeconds:0} s"));
            }
        })).ConfigureAwait(false);

        var status = verdicts.Length == 0 ? HealthStatus.Healthy : verdicts.Min(v => v.verdict.Status);
        var data = verdicts.ToDictionary(v => v.name, v => (object)v.verdict.Status.ToString(), StringComparer.Ordinal);
        var problems = verdicts.Where(v => v.verdict.Status != HealthStatus.Healthy).Select(v => $"pool '{v.name}': {v.verdict.Why}").ToArray();
        var description = problems.Length == 0 ? $"{verdicts.Length} pool(s) healthy" : string.Join("; ", problems);
        return new HealthCheckResult(status, description, data: data);
    }
}
