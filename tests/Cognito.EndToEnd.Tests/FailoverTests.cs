using System.Diagnostics;
using System.Globalization;
using Cognito.EndToEnd.Tests.Support;
using Cognito.Testing.CognitoLocal;
using Xunit.Abstractions;

namespace Cognito.EndToEnd.Tests;

/// <summary>
/// Three real silo processes with Redis membership and sessions, a load client in its own process
/// holding 1,000 signed-in sessions: one silo is killed (SIGKILL), later another is stopped
/// (SIGTERM), under load. Sessions survive both; errors happen only inside the failover window of
/// the crash and never on the graceful stop.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class FailoverTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    private const int Sessions = 1_000;

    // Ten pools of 100 users: cognito-local keeps a JSON file per pool, and 1,000 sign-ins into
    // ten small pools took 34 s here against 42 s into one pool of 1,000.
    private const int Pools = 10;
    private const string PasswordLogin = "InitiateAuth:USER_PASSWORD_AUTH";

    // Generous bounds for a shared 2-core machine; the measured times are printed, the goal is 15 s.
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan QuietNeeded = TimeSpan.FromSeconds(4);

    // A front end's budget for one token call. Calls already inside the crashed silo get no answer
    // at all: they fail at this timeout, so it is part of the failover window.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_crashed_silo_loses_no_session_and_a_stopped_silo_causes_no_caller_error()
    {
        var prefix = fixture.UniqueName("fo")[..10] + "u";
        var pools = await Task.WhenAll(Enumerable.Range(0, Pools).Select(_ => fixture.CreatePoolAsync()));
        await CreateUsersAsync(pools, prefix);
        await using var cluster = await RedisCluster.StartAsync(PoolSettings(pools), silos: 3, "failover");
        await AssertBudgetSharedAsync(cluster.Silos, 3);
        var stopFile = Path.Combine(Path.GetTempPath(), $"cognito-load-{Guid.NewGuid():N}.stop");
        var logins = fixture.Front.Count(PasswordLogin);

        // Crash: SIGKILL one silo while 32 callers ask random sessions for their tokens.
        await using (var load = StartLoad(cluster, prefix, stopFile, signIn: true))
        {
            Assert.True(await load.WaitForStdoutLineAsync(l => l.StartsWith("signed-in ", StringComparison.Ordinal), TimeSpan.FromSeconds(150)), load.Describe());
            var signedIn = LoadLine.Parse(load.StdoutLines, "signed-in").Single();
            output.WriteLine($"signed in {Sessions} sessions with USER_PASSWORD_AUTH in {signedIn["ms"]} ms");
            Assert.True(signedIn.Long("failed") == 0, load.Describe());
            await WaitForSecondsAsync(load, 3);
            var loginsBeforeKill = fixture.Front.Count(PasswordLogin);
            Assert.Equal(logins + Sessions, loginsBeforeKill);

            var killedAt = Now;
            cluster.Silos[1].Kill();
            output.WriteLine($"killed silo pid {cluster.Silos[1].Id} at {killedAt}");
            await WaitForQuietAsync(load, killedAt);
            File.WriteAllText(stopFile, "stop");
            var summary = await FinishAsync(load, cluster);
            File.Delete(stopFile);

            Assert.True(summary.Long("errors") > 0, "Killing a silo under load caused no error at all: was the load reaching it?\n" + load.Describe());
            Assert.True(summary.Long("first-error-at") >= killedAt, $"Errors before the kill.\n{load.Describe()}");
            var lastError = TimeSpan.FromMilliseconds(summary.Long("last-error-at") - killedAt);
            var lastFailedStart = TimeSpan.FromMilliseconds(summary.Long("last-failed-call-started-at") - killedAt);
            var recovery = TimeSpan.FromMilliseconds(summary.Long("last-recovery-at") - killedAt);
            output.WriteLine($"SIGKILL of 1 of 3 silos, {Sessions} sessions: {summary.Long("errors")} failed calls of {summary.Long("calls")}, {summary.Long("failed-sessions")} sessions saw an error; the last failing call started {lastFailedStart.TotalSeconds:F1} s and ended {lastError.TotalSeconds:F1} s after the kill; every session answered again {recovery.TotalSeconds:F1} s after the kill");
            Assert.Equal(0, summary.Long("unrecovered-sessions"));
            Assert.True(lastFailedStart < RecoveryBound, $"Calls started {lastFailedStart.TotalSeconds:F1} s after the kill still failed.\n{load.Describe()}");
            Assert.True(recovery < RecoveryBound, $"Recovery took {recovery.TotalSeconds:F1} s.\n{load.Describe()}");
            Assert.Contains($"final ok={Sessions} failed=0", load.StdoutLines);
            Assert.Equal(loginsBeforeKill, fixture.Front.Count(PasswordLogin));
            await AssertBudgetSharedAsync([cluster.Silos[0], cluster.Silos[2]], 2);
        }

        // Graceful stop: SIGTERM another silo under the same load; not one caller may see an error.
        await using (var load = StartLoad(cluster, prefix, stopFile, signIn: false))
        {
            await WaitForSecondsAsync(load, 3);
            var stoppedAt = Stopwatch.StartNew();
            cluster.Silos[2].Terminate();
            var exit = await cluster.Silos[2].WaitForExitAsync(TimeSpan.FromSeconds(60));
            output.WriteLine($"SIGTERM: the silo stopped in {stoppedAt.Elapsed.TotalSeconds:F1} s with exit code {exit?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
            Assert.True(exit is not null, cluster.Describe());
            await WaitForSecondsAsync(load, 3);
            File.WriteAllText(stopFile, "stop");
            var summary = await FinishAsync(load, cluster);
            File.Delete(stopFile);
            output.WriteLine($"SIGTERM of 1 of 2 silos, {Sessions} sessions: {summary.Long("errors")} failed calls of {summary.Long("calls")}");
            Assert.True(summary.Long("errors") == 0, $"A graceful stop caused caller errors.\n{load.Describe()}\n{cluster.Describe()}");
            Assert.Contains($"final ok={Sessions} failed=0", load.StdoutLines);
            Assert.Equal(logins + Sessions, fixture.Front.Count(PasswordLogin));
            await AssertBudgetSharedAsync([cluster.Silos[0]], 1);
        }
    }

    /// <summary>The refresh budget follows membership: each of <paramref name="silos"/> says it takes a share of 1/<paramref name="active"/>.</summary>
    private static async Task AssertBudgetSharedAsync(IEnumerable<ChildProcess> silos, int active)
    {
        var line = $"The refresh budget is shared among {active.ToString(CultureInfo.InvariantCulture)} active silos.";
        foreach (var silo in silos)
        {
            Assert.True(await silo.WaitForStdoutLineAsync(l => l.Contains(line, StringComparison.Ordinal), TimeSpan.FromSeconds(60)), $"Not rebalanced to {active} silos:\n{silo.Describe()}");
        }
    }

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private ChildProcess StartLoad(RedisCluster cluster, string prefix, string stopFile, bool signIn) => cluster.StartLoadClient(
    [
        "--pool", "p",
        "--pool-count", Pools.ToString(CultureInfo.InvariantCulture),
        "--user-prefix", prefix,
        "--users", Sessions.ToString(CultureInfo.InvariantCulture),
        "--password", CognitoLocalFixture.DefaultPassword,
        "--callers", "32",
        "--delay-ms", "5",
        "--call-timeout", ((int)CallTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        "--max-seconds", "90",
        "--stop-file", stopFile,
        .. signIn ? ["--sign-in"] : Array.Empty<string>(),
    ]);

    /// <summary>The silo settings for pools <c>p0</c>..<c>p9</c>; the load client puts session i in pool i mod 10.</summary>
    private Dictionary<string, string> PoolSettings(TestPool[] pools)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var k = 0; k < pools.Length; k++)
        {
            foreach (var (key, value) in fixture.SiloSettings(pools[k]))
            {
                settings[key.Replace($"__{EndToEndFixture.PoolName}__", $"__p{k}__", StringComparison.Ordinal)] = value;
            }
        }

        return settings;
    }

    private async Task CreateUsersAsync(TestPool[] pools, string prefix)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Sessions), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            await fixture.CreateUserAsync(pools[i % pools.Length], prefix + i.ToString(CultureInfo.InvariantCulture)));
        output.WriteLine($"created {Sessions} users in {pools.Length} cognito-local pools in {watch.ElapsedMilliseconds} ms");
    }

    /// <summary>Waits until the client printed <paramref name="count"/> more per-second lines with calls in them.</summary>
    private static async Task WaitForSecondsAsync(ChildProcess load, int count)
    {
        var seen = LoadLine.Parse(load.StdoutLines, "second").Count();
        Assert.True(await load.WaitForStdoutLineAsync(_ => LoadLine.Parse(load.StdoutLines, "second").Count(l => l.Long("calls") > 0) >= seen + count, TimeSpan.FromSeconds(60)), load.Describe());
    }

    /// <summary>
    /// Waits until the calls succeed again: <see cref="QuietNeeded"/> without an error after the
    /// first one, and late enough that every call in flight at the kill has answered or timed out.
    /// </summary>
    private static async Task WaitForQuietAsync(ChildProcess load, long since)
    {
        var deadline = DateTime.UtcNow + RecoveryBound + QuietNeeded;
        var inFlightDone = since + (long)(CallTimeout + TimeSpan.FromSeconds(2)).TotalMilliseconds;
        while (DateTime.UtcNow < deadline && !load.HasExited)
        {
            var seconds = LoadLine.Parse(load.StdoutLines, "second").Where(l => l.Long("at") > since).ToList();
            var firstError = seconds.FindIndex(l => l.Long("errors") > 0);
            if (firstError >= 0 && Now > inFlightDone && seconds.Count - 1 - seconds.FindLastIndex(l => l.Long("errors") > 0) >= QuietNeeded.TotalSeconds)
            {
                return;
            }

            await Task.Delay(250);
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
