using Cognito.Grains.Refresh;
using Microsoft.Extensions.Time.Testing;

namespace Cognito.Grains.Tests.Quota;

/// <summary>The budget on its own, on a fake clock: spacing, priorities, shares and AIMD.</summary>
public sealed class RefreshBudgetTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private RefreshBudget Budget(double rate, RefreshBudgetOptions? options = null) => new RefreshBudgets(options ?? new RefreshBudgetOptions { RequestsPerSecond = rate }, _clock).For("InitiateAuth")!;

    [Fact]
    public void Grants_are_spaced_so_no_second_holds_more_than_the_rate()
    {
        var budget = Budget(10);
        var granted = 0;
        for (var step = 0; step < 1000; step++)
        {
            granted += budget.Request(RefreshPriority.Active).Granted ? 1 : 0;
            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(10, granted);
    }

    [Fact]
    public void Callers_book_slots_ahead_of_timers_and_are_refused_past_max_wait()
    {
        var budget = Budget(2, new RefreshBudgetOptions { RequestsPerSecond = 2, MaxWait = TimeSpan.FromSeconds(2) });
        Assert.Equal(RefreshGrant.Now, budget.Request(RefreshPriority.Caller));
        Assert.Equal(TimeSpan.FromMilliseconds(500), budget.Request(RefreshPriority.Caller).Wait);
        Assert.False(budget.Request(RefreshPriority.Active).Granted);
        Assert.Equal(TimeSpan.FromSeconds(1), budget.Request(RefreshPriority.Caller).Wait);
        Assert.Equal(TimeSpan.FromSeconds(1.5), budget.Request(RefreshPriority.Caller).Wait);
        Assert.Equal(TimeSpan.FromSeconds(2), budget.Request(RefreshPriority.Caller).Wait);
        var refused = budget.Request(RefreshPriority.Caller);
        Assert.False(refused.Granted);
        Assert.True(refused.Short);
    }

    [Fact]
    public void Idle_sessions_wait_until_the_budget_has_not_been_short_for_a_while()
    {
        var budget = Budget(1);
        Assert.True(budget.Request(RefreshPriority.Active).Granted);
        Assert.False(budget.Request(RefreshPriority.Active).Granted);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(budget.Request(RefreshPriority.Idle).Granted);
        Assert.True(budget.Request(RefreshPriority.Active).Granted);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(budget.Request(RefreshPriority.Idle).Granted);
    }

    [Fact]
    public void Each_active_silo_takes_an_equal_share()
    {
        var budgets = new RefreshBudgets(new RefreshBudgetOptions { RequestsPerSecond = 90 }, _clock);
        var budget = budgets.For("GetTokensFromRefreshToken")!;
        budgets.SetActiveSilos(3);
        Assert.Equal(30, budget.Share, 6);
        Assert.Equal(30, budget.Rate, 6);
        budgets.SetActiveSilos(2);
        Assert.Equal(45, budget.Rate, 6);
        // Both refresh operations count in UserAuthentication, so they share one budget.
        Assert.Same(budget, budgets.For("InitiateAuth"));
    }

    [Fact]
    public void A_throttled_answer_halves_the_rate_once_a_second_and_it_grows_back()
    {
        var budget = Budget(20);
        budget.OnThrottled();
        budget.OnThrottled();
        Assert.Equal(10, budget.Rate, 6);
        _clock.Advance(TimeSpan.FromSeconds(1));
        budget.OnThrottled();
        Assert.Equal(5.2, budget.Rate, 6);
        // 2 % of the share per second: 14.8 per second lost comes back in 37 s.
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(13.2, budget.Rate, 6);
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(20, budget.Rate, 6);
    }

    [Fact]
    public void Budgets_can_be_switched_off()
    {
        Assert.Null(new RefreshBudgets(new RefreshBudgetOptions { Enabled = false }, _clock).For("InitiateAuth"));
        Assert.Equal(RefreshGrant.Now, RefreshPolicy.OnCaller(null));
    }
}
