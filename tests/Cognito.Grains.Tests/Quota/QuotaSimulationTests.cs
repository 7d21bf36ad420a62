using Cognito.Grains.Refresh;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Cognito.Grains.Tests.Quota;

/// <summary>
/// 100,000 sessions with one-hour tokens on one silo whose budget (20 refreshes per second) is
/// below what refreshing them all ahead of expiry would take (28 per second): the budget holds in
/// every second, and no caller is ever handed an expired token. Runs the grain's own policy and budget.
/// </summary>
public sealed class QuotaSimulationTests(ITestOutputHelper output)
{
    private const int Sessions = 100_000;
    private const double Budget = 20;

    [Fact]
    public void A_short_budget_holds_every_second_and_no_caller_gets_an_expired_token()
    {
        var simulation = new QuotaSimulation(Sessions, new RefreshBudgetOptions { RequestsPerSecond = Budget }, new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        simulation.RunFor(TimeSpan.FromHours(4));
        Report(simulation);

        Assert.True(simulation.Uses > 1_000_000, "The activity mix should make over a million calls.");
        Assert.InRange(simulation.RefreshesPerSecond.Values.Max(), 1, (int)Budget);
        Assert.Equal(0, simulation.ExpiredHandedOut);
        Assert.Equal(0, simulation.CallersRefused);
        Assert.True(simulation.LongestCallerWait <= simulation.Options.MaxWait);
        // The budget was the limit: whole seconds ran at it.
        Assert.Contains(simulation.RefreshesPerSecond.Values, count => count == (int)Budget);
    }

    [Fact]
    public void Throttling_shrinks_the_budget_and_it_recovers()
    {
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var throttledFrom = start + TimeSpan.FromMinutes(70);
        var throttledUntil = throttledFrom + TimeSpan.FromMinutes(5);
        // Something else in the account takes most of the quota for five minutes.
        var simulation = new QuotaSimulation(Sessions, new RefreshBudgetOptions { RequestsPerSecond = Budget }, new FakeTimeProvider(start))
        {
            AccountLimit = at => at >= throttledFrom && at < throttledUntil ? 6 : null,
        };
        simulation.RunFor(TimeSpan.FromHours(2));
        Report(simulation);

        Assert.True(simulation.Throttled > 0);
        var during = simulation.Rates.Where(r => r.At >= throttledFrom + TimeSpan.FromMinutes(1) && r.At < throttledUntil).Select(r => r.Rate).ToList();
        Assert.True(during.Max() <= Budget * 0.75, $"The budget should have shrunk while throttled (it stayed at up to {during.Max():F1}).");
        var after = simulation.Rates.Where(r => r.At >= throttledUntil + TimeSpan.FromMinutes(2)).Select(r => r.Rate).ToList();
        Assert.All(after, rate => Assert.Equal(Budget, rate, 3));
        // Throttled calls are few: the shrunk budget stops hammering a throttled account.
        var throttledSeconds = (int)(throttledUntil - throttledFrom).TotalSeconds;
        Assert.True(simulation.Throttled < throttledSeconds, $"{simulation.Throttled} throttled calls in {throttledSeconds} s");
        Assert.Equal(0, simulation.ExpiredHandedOut);
        Assert.InRange(simulation.RefreshesPerSecond.Values.Max(), 1, (int)Budget);
    }

    private void Report(QuotaSimulation simulation) =>
        output.WriteLine($"uses {simulation.Uses}, refreshes {simulation.RefreshesPerSecond.Values.Sum()}, peak {simulation.RefreshesPerSecond.Values.Max()}/s, longest caller wait {simulation.LongestCallerWait}, refused {simulation.CallersRefused}, throttled {simulation.Throttled}, lowest rate {simulation.Rates.Min(r => r.Rate):F1}");
}
