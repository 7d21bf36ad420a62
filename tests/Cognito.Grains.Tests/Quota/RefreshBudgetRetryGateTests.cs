using Cognito.Grains.Refresh;
using Cognito.IdentityProvider.Errors;
using Microsoft.Extensions.Time.Testing;

namespace Cognito.Grains.Tests.Quota;

/// <summary>Wire-client retries of budgeted operations take a slot from the same budget; others pass at once.</summary>
public sealed class RefreshBudgetRetryGateTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Retries_of_budgeted_operations_take_slots_and_throttling_shrinks_the_budget()
    {
        var budgets = new RefreshBudgets(new RefreshBudgetOptions { RequestsPerSecond = 10, MaxWait = TimeSpan.Zero }, _clock);
        var gate = new RefreshBudgetRetryGate(budgets);
        var budget = budgets.For("InitiateAuth")!;

        Assert.True(await gate.WaitToRetryAsync("AdminInitiateAuth", new InternalErrorException("x"), CancellationToken.None));
        // The slot is taken: with no wait allowed, the next retry in the same category is refused.
        Assert.False(await gate.WaitToRetryAsync("InitiateAuth", new InternalErrorException("x"), CancellationToken.None));
        // Operations outside the budget's categories are not metered.
        Assert.True(await gate.WaitToRetryAsync("GetUser", new InternalErrorException("x"), CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(5));
        // A throttled attempt halves the rate at once, and its retry queues behind the new spacing.
        Assert.False(await gate.WaitToRetryAsync("InitiateAuth", new TooManyRequestsException("x"), CancellationToken.None));
        Assert.Equal(5, budget.Rate, 6);
    }
}
