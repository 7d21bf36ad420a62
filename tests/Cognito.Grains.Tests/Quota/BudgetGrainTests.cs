using System.Diagnostics;
using Cognito.Grains.Refresh;
using Cognito.Testing.CognitoLocal;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Cognito.Grains.Tests.Quota;

/// <summary>The grains refresh through the silo's budget: sessions due at once are refreshed no faster than it allows, expired callers first, and a caller with usable tokens never waits.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class BudgetGrainTests(GrainClusterFixture cluster)
{
    private const string Pool = "faults";
    private const string RefreshCall = "InitiateAuth:REFRESH_TOKEN_AUTH";
    private const string Category = "UserAuthentication";
    private const int Sessions = 12;
    private const double Rate = 4;

    [Fact]
    public async Task Sessions_due_at_once_are_refreshed_at_the_budget_and_usable_tokens_need_no_wait()
    {
        await cluster.DeactivateAllAsync();
        var users = new List<Cognito.Client.Grains.ICognitoUserGrain>();
        for (var i = 0; i < Sessions; i++)
        {
            var user = cluster.User(Pool, await cluster.NewUserAsync(Pool));
            // One retry-safe round trip: the pool's 1 s attempt timeout is for the faults, and a slow machine must not spend an SRP session.
            await user.AuthenticateWithFlowAsync("USER_PASSWORD_AUTH", CognitoLocalFixture.DefaultPassword);
            users.Add(user);
        }

        var silo = (InProcessSiloHandle)cluster.Cluster.Primary!;
        var budgets = silo.SiloHost.Services.GetRequiredService<RefreshBudgets>();
        budgets.SetRate(Category, Rate);
        try
        {
            var before = cluster.Front.Count(RefreshCall);
            var since = DateTimeOffset.UtcNow;
            // Every session's tokens expire; their timers fire and every user calls at once.
            cluster.Clock.Advance(TimeSpan.FromMinutes(61));
            var now = cluster.Clock.GetUtcNow();
            var started = Stopwatch.StartNew();
            var expiredCallers = Task.WhenAll(users.Select(u => u.GetTokensAsync()));

            // A user signed in now holds usable tokens: the busy budget does not hold them up.
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            var fresh = cluster.User(Pool, await cluster.NewUserAsync(Pool));
            await fresh.AuthenticateWithFlowAsync("USER_PASSWORD_AUTH", CognitoLocalFixture.DefaultPassword);
            var waited = Stopwatch.StartNew();
            Assert.True((await fresh.GetTokensAsync()).ExpiresAt > now);
            var freshWait = waited.Elapsed;

            var served = await expiredCallers;
            var took = started.Elapsed;
            Assert.All(served, tokens => Assert.True(tokens.ExpiresAt > now + TimeSpan.FromSeconds(30)));
            // One refresh per session, the timers having yielded to the callers.
            Assert.Equal(Sessions, cluster.Front.Count(RefreshCall) - before);
            // Spaced by the budget: 12 slots at 4 per second span at least 11 / 4 s.
            Assert.True(took >= TimeSpan.FromSeconds((Sessions - 1) / Rate) - TimeSpan.FromMilliseconds(100), $"{Sessions} refreshes took only {took}.");
            // A call that reaches the front a little late may share a second with the next slots.
            Assert.InRange(cluster.Front.Rates.Peak(RefreshCall, since), 1, (int)Rate + 1);
            Assert.True(freshWait < TimeSpan.FromSeconds(1), $"A caller with usable tokens waited {freshWait}.");
        }
        finally
        {
            budgets.SetRate(Category, budgets.Options.RequestsPerSecond);
        }
    }
}
