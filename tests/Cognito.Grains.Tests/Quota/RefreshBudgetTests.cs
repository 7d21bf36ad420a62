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
        var slots = new List<TimeSpan>();
        for (var step = 0; step < 3000; step++)
        {
            var grant = budget.Request(RefreshPriority.Active);
            if (grant.Granted)
            {
                slots.Add(TimeSpan.FromMilliseconds(step) + grant.Wait);
            }

            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        // Booked up to a second ahead, used a tenth of a second apart.
        Assert.All(slots.Zip(slots.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(100)));
        Assert.Equal(40, slots.Count);
    }

    [Fact]
    public void Timers_due_together_book_slots_a_moment_ahead_and_past_it_are_deferred()
    {
        var budget = Budget(10);
        Assert.Equal(RefreshGrant.Now, budget.Request(RefreshPriority.Active));
        for (var i = 1; i <= 10; i++)
        {
            Assert.Equal(RefreshGrant.After(TimeSpan.FromMilliseconds(100 * i)), budget.Request(RefreshPriority.Active));
        }

        var deferred = budget.Request(RefreshPriority.Active);
        Assert.False(deferred.Granted);
        // Asks again when the booked slots reach no further than the look-ahead.
        Assert.Equal(TimeSpan.FromMilliseconds(100), deferred.Wait);
        Assert.False(budget.Request(RefreshPriority.Idle).Granted);
    }

    [Fact]
    public void Booking_within_the_budget_does_not_make_it_short_for_idle_sessions()
    {
        var budget = Budget(100);
        for (var i = 0; i < 50; i++)
        {
            Assert.True(budget.Request(RefreshPriority.Active).Granted);
        }

        Assert.True(budget.Request(RefreshPriority.Idle).Granted);
    }

    [Fact]
    public void Callers_book_slots_ahead_of_timers_and_are_refused_past_max_wait()
    {
        var budget = Budget(2, new RefreshBudgetOptions { RequestsPerSecond = 2, MaxWait = TimeSpan.FromSeconds(2) });
        Assert.Equal(RefreshGrant.Now, budget.Request(RefreshPriority.Caller));
        Assert.Equal(TimeSpan.FromMilliseconds(500), budget.Request(RefreshPriority.Caller).Wait);
        Assert.Equal(TimeSpan.FromSeconds(1), budget.Request(RefreshPriority.Caller).Wait);
        // The next slot is further ahead than a timer may book.
        Assert.False(budget.Request(RefreshPriority.Active).Granted);
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
        Assert.Equal(TimeSpan.FromSeconds(1), budget.Request(RefreshPriority.Active).Wait);
        Assert.False(budget.Request(RefreshPriority.Active).Granted);
        _clock.Advance(TimeSpan.FromSeconds(3));
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
