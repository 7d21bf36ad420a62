using Cognito.Grains.Logging;
using Cognito.Grains.Pools;
using Microsoft.Extensions.Logging;

namespace Cognito.Grains.Refresh;

/// <summary>
/// Reads the account's provisioned limits once while the silo starts, when
/// <see cref="RefreshBudgetOptions.ReadProvisionedLimit"/> is on, with the first configured pool's
/// client (pools of one cluster share one budget, so they are taken to share one account).
/// </summary>
internal sealed class ProvisionedLimitStartup(CognitoPoolRegistry pools, RefreshBudgets budgets, ILogger<ProvisionedLimitStartup> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ProvisionedLimitStartup), ServiceLifecycleStage.ApplicationServices, StartAsync);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!budgets.Options.Enabled || !budgets.Options.ReadProvisionedLimit)
        {
            return;
        }

        var pool = pools.Names.FirstOrDefault();
        if (pool is null)
        {
            GrainLog.ProvisionedLimitUnread(logger, "*", "NoPool");
            return;
        }

        await ProvisionedLimitReader.ApplyAsync(pools.Get(pool).Client, budgets, logger, cancellationToken).ConfigureAwait(false);
    }
}
