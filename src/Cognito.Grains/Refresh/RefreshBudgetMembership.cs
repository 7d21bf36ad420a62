using Cognito.Grains.Logging;
using Microsoft.Extensions.Logging;

namespace Cognito.Grains.Refresh;

/// <summary>
/// Keeps each silo's part of the refresh budget equal to the cluster's rate over the active
/// silos: it follows Orleans membership and rebalances whenever a silo joins, leaves or dies.
/// </summary>
internal sealed class RefreshBudgetMembership(IClusterMembershipService membership, RefreshBudgets budgets, ILogger<RefreshBudgetMembership> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _watching;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RefreshBudgetMembership), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        Apply(membership.CurrentSnapshot);
        _watching = Task.Run(WatchAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_watching is not null)
        {
            await _watching.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task WatchAsync()
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(_stopping.Token))
            {
                Apply(snapshot);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    private void Apply(ClusterMembershipSnapshot snapshot)
    {
        var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        budgets.SetActiveSilos(active);
        GrainLog.BudgetShared(logger, Math.Max(1, active));
    }
}
