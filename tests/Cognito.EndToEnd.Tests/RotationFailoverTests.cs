using System.Globalization;
using Cognito.EndToEnd.Tests.Support;
using Cognito.Testing.CognitoLocal;
using Xunit.Abstractions;

namespace Cognito.EndToEnd.Tests;

/// <summary>
/// Refresh-token rotation across a cluster: three silo processes, two load client processes with
/// 64 callers per session each, one-minute tokens. Each expiry costs exactly one
/// GetTokensFromRefreshToken per session, however many callers in however many processes wait;
/// and a silo killed while the next refreshes run loses no session.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RotationFailoverTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    private const int Sessions = 10;
    private const string Refresh = "GetTokensFromRefreshToken";

    // cognito-local's shortest lifetime is a minute; the grains refresh at half-life, every 30 s.
    private static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Each_expiry_costs_one_rotating_refresh_per_session_and_a_silo_killed_mid_refresh_loses_no_session()
    {
        var pool = await fixture.CreatePoolAsync(accessTokenMinutes: 1, idTokenMinutes: 1);
        // AWS allows 0-60 s; a grace period longer than the failover window lets the new activation
        // of a session whose refresh reached Cognito on the killed silo (result lost) refresh again.
        fixture.Front.RotateRefreshTokens(pool.ClientId, TimeSpan.FromSeconds(60));
        var prefix = fixture.UniqueName("rot")[..10] + "u";
        await Task.WhenAll(Enumerable.Range(0, Sessions).Select(i => fixture.CreateUserAsync(pool, prefix + i.ToString(CultureInfo.InvariantCulture))));
        var settings = new Dictionary<string, string>(fixture.SiloSettings(pool), StringComparer.Ordinal)
        {
            ["Cognito__Pools__main__UseRefreshTokenRotation"] = "true",
            ["Cognito__Pools__main__TokenLeeway"] = "00:00:05",
            // Longer than half the lifetime: the refresh comes at half-life.
            ["Cognito__Pools__main__RefreshMargin"] = "00:00:40",
        };
        await using var cluster = await RedisCluster.StartAsync(settings, silos: 3, "rotation");
        var stopFile = Path.Combine(Path.GetTempPath(), $"cognito-rotation-{Guid.NewGuid():N}.stop");
        var rejections = fixture.Front.Rejections.Count;
        var before = fixture.Front.Count(Refresh);

        await using var first = StartLoad(cluster, prefix, stopFile, signIn: true);
        Assert.True(await first.WaitForStdoutLineAsync(l => l.StartsWith("signed-in ", StringComparison.Ordinal), TimeSpan.FromSeconds(60)), first.Describe());
        var signedIn = DateTime.UtcNow;
        await using var second = StartLoad(cluster, prefix, stopFile, signIn: false);

        // First expiry, no failure: exactly one refresh per session. A timer that finds no budget
        // slot free defers by up to DeferSpread (30 s), so a refresh may come as late as the first
        // caller who finds the tokens unusable (a minute's lifetime less the leeway).
        await WaitUntilAsync(() => fixture.Front.Count(Refresh) - before >= Sessions, signedIn + (2 * RefreshPeriod) + TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var firstRound = fixture.Front.Count(Refresh) - before;
        output.WriteLine($"first expiry: {firstRound} GetTokensFromRefreshToken calls for {Sessions} sessions");
        Assert.True(firstRound == Sessions, $"{firstRound} refreshes for {Sessions} sessions.\n{first.Describe()}\n{second.Describe()}");

        // Second expiry: kill a silo as soon as the first of these refreshes reached Cognito.
        await WaitUntilAsync(() => fixture.Front.Count(Refresh) - before > Sessions, signedIn + (4 * RefreshPeriod) + TimeSpan.FromSeconds(20), poll: TimeSpan.FromMilliseconds(5));
        var killedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        cluster.Silos[1].Kill();
        var atKill = fixture.Front.Count(Refresh) - before - Sessions;
        await WaitUntilAsync(() => fixture.Front.Count(Refresh) - before >= 2 * Sessions, DateTime.UtcNow + TimeSpan.FromSeconds(40));
        // A refresh whose answer died with the killed silo counts at the front, yet its session keeps
        // its old tokens until a caller finds them due, which is at most RefreshMargin after the kill:
        // the load must outlive that, or the session is seen with one new token set too few.
        var outliveLostRefreshes = DateTimeOffset.FromUnixTimeMilliseconds(killedAt) + TimeSpan.FromSeconds(45) - DateTimeOffset.UtcNow;
        await Task.Delay(outliveLostRefreshes > TimeSpan.FromSeconds(8) ? outliveLostRefreshes : TimeSpan.FromSeconds(8));
        File.WriteAllText(stopFile, "stop");
        var summaries = new[] { await FinishAsync(first, cluster), await FinishAsync(second, cluster) };
        File.Delete(stopFile);

        var secondRound = fixture.Front.Count(Refresh) - before - Sessions;
        var newRejections = fixture.Front.Rejections.Skip(rejections).ToList();
        output.WriteLine($"second expiry with a silo killed after {atKill} of its refreshes: {secondRound} GetTokensFromRefreshToken calls for {Sessions} sessions; caller errors {string.Join(", ", summaries.Select(s => s["errors"]))}");
        Assert.True(newRejections.Count == 0, "The front refused: " + string.Join("; ", newRejections));
        Assert.True(secondRound >= Sessions, $"{secondRound} refreshes after the first round for {Sessions} sessions.");
        foreach (var summary in summaries)
        {
            Assert.Equal(0, summary.Long("unrecovered-sessions"));
            if (summary.Long("errors") > 0)
            {
                Assert.True(summary.Long("first-error-at") >= killedAt, "Caller errors before the kill.");
                Assert.True(summary.Long("last-failed-call-started-at") - killedAt < 40_000, "Caller errors long after the kill.");
            }
        }

        // Every session went through two new token sets, or three when the run outlived another
        // half-life on a loaded machine; both processes saw the same ones.
        var seen = first.StdoutLines.Concat(second.StdoutLines);
        var expiries = LoadLine.Parse(seen, "session").GroupBy(l => l["index"]).ToDictionary(g => g.Key!, g => g.SelectMany(l => l["expiries"]!.Split(',')).ToHashSet());
        Assert.Equal(Sessions, expiries.Count);
        Assert.All(expiries, e => Assert.True(e.Value.Count is 3 or 4, $"session {e.Key} was seen with expiries {string.Join(',', e.Value)}"));

        // Each new token set is the answer to one refresh at the front; the only extra calls are
        // refreshes whose answer was lost with the killed silo (at most one per session).
        var newSets = expiries.Sum(e => e.Value.Count - 1);
        var refreshes = firstRound + secondRound;
        output.WriteLine($"{refreshes} refreshes at the front for {newSets} new token sets");
        Assert.InRange(refreshes - newSets, 0, Sessions);
        Assert.Contains($"final ok={Sessions} failed=0", first.StdoutLines);
        Assert.Contains($"final ok={Sessions} failed=0", second.StdoutLines);
    }

    private static ChildProcess StartLoad(RedisCluster cluster, string prefix, string stopFile, bool signIn) => cluster.StartLoadClient(
    [
        "--pool", EndToEndFixture.PoolName,
        "--user-prefix", prefix,
        "--users", Sessions.ToString(CultureInfo.InvariantCulture),
        "--password", CognitoLocalFixture.DefaultPassword,
        "--callers-per-session", "64",
        "--delay-ms", "200",
        "--call-timeout", "5",
        "--max-seconds", "200",
        "--stop-file", stopFile,
        "--report-expiries",
        .. signIn ? ["--sign-in"] : Array.Empty<string>(),
    ]);

    private static async Task WaitUntilAsync(Func<bool> condition, DateTime deadline, TimeSpan? poll = null)
    {
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(100));
        }
    }

    private async Task<LoadLine> FinishAsync(ChildProcess load, RedisCluster cluster)
    {
        var exit = await load.WaitForExitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine(string.Join('\n', load.StdoutLines.Where(l => !l.StartsWith("second ", StringComparison.Ordinal) || !l.EndsWith("errors=0", StringComparison.Ordinal))));
        Assert.True(exit == 0, $"The load client exited with {exit?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}.\n{load.Describe()}\n{cluster.Describe()}");
        return LoadLine.Parse(load.StdoutLines, "summary").Single();
    }
}
