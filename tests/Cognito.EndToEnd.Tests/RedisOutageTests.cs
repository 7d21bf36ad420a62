using System.Diagnostics;
using System.Globalization;
using Cognito.EndToEnd.Tests.Support;
using Cognito.Testing.CognitoLocal;
using Xunit.Abstractions;

namespace Cognito.EndToEnd.Tests;

/// <summary>
/// Two real silo processes on Redis membership and sessions, a load client in its own process
/// calling GetTokensAsync on signed-in sessions, and the redis-server frozen (SIGSTOP) for a few
/// seconds under that load, then resumed. Held sessions answer from memory, no silo dies, no
/// caller is handed empty or expired tokens or waits past its bound, and afterwards every session
/// answers without a new sign-in.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RedisOutageTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    private const int Sessions = 100;
    private const string PasswordLogin = "InitiateAuth:USER_PASSWORD_AUTH";
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Held_sessions_answer_while_redis_is_frozen_and_nothing_is_lost_when_it_returns()
    {
        var prefix = fixture.UniqueName("ro")[..10] + "u";
        var pool = await fixture.CreatePoolAsync();
        await Parallel.ForEachAsync(Enumerable.Range(0, Sessions), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            await fixture.CreateUserAsync(pool, prefix + i.ToString(CultureInfo.InvariantCulture)));
        await using var cluster = await RedisCluster.StartAsync(fixture.SiloSettings(pool), silos: 2, "redis-outage");
        var stopFile = Path.Combine(Path.GetTempPath(), $"cognito-load-{Guid.NewGuid():N}.stop");
        await using var load = cluster.StartLoadClient(
        [
            "--user-prefix", prefix,
            "--users", Sessions.ToString(CultureInfo.InvariantCulture),
            "--password", CognitoLocalFixture.DefaultPassword,
            "--callers", "16",
            "--delay-ms", "5",
            "--call-timeout", ((int)CallTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            "--max-seconds", "50",
            "--stop-file", stopFile,
            "--sign-in",
        ]);
        Assert.True(await load.WaitForStdoutLineAsync(l => l.StartsWith("signed-in ", StringComparison.Ordinal), TimeSpan.FromSeconds(60)), load.Describe());
        Assert.Equal(0, LoadLine.Parse(load.StdoutLines, "signed-in").Single().Long("failed"));
        var logins = fixture.Front.Count(PasswordLogin);
        await WaitForSecondsAsync(load, 2);

        var frozenAt = Now;
        Signal("STOP", cluster.Redis.ProcessId);
        try
        {
            await Task.Delay(Outage);
        }
        finally
        {
            Signal("CONT", cluster.Redis.ProcessId);
        }

        var resumedAt = Now;
        output.WriteLine($"redis-server frozen for {Outage.TotalSeconds:F0} s under load");
        await Task.Delay(CallTimeout + TimeSpan.FromSeconds(2));
        File.WriteAllText(stopFile, "stop");
        var exit = await load.WaitForExitAsync(TimeSpan.FromSeconds(60));
        File.Delete(stopFile);
        output.WriteLine(string.Join('\n', load.StdoutLines.Where(l => !l.StartsWith("second ", StringComparison.Ordinal) || !l.EndsWith("errors=0", StringComparison.Ordinal))));
        Assert.True(exit == 0, $"The load client exited with {exit?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}.\n{load.Describe()}\n{cluster.Describe()}");

        Assert.All(cluster.Silos, s => Assert.False(s.HasExited, $"A silo died while Redis was frozen.\n{s.Describe()}"));
        var summary = LoadLine.Parse(load.StdoutLines, "summary").Single();
        var during = LoadLine.Parse(load.StdoutLines, "second").Where(l => l.Long("at") > frozenAt + 1_000 && l.Long("at") <= resumedAt).ToList();
        output.WriteLine($"while frozen: {during.Sum(l => l.Long("calls"))} calls, {during.Sum(l => l.Long("errors"))} errors; whole run: {summary.Long("calls")} calls, {summary.Long("errors")} errors, slowest {summary.Long("slowest-ms")} ms");

        // Held sessions need no storage to hand out valid tokens: calls went on while Redis was frozen.
        Assert.True(during.Count >= 3 && during.All(l => l.Long("calls") > 0), $"Calls stopped while Redis was frozen.\n{load.Describe()}");
        // Never empty or expired tokens (the load client records them as InvalidDataException).
        Assert.DoesNotContain(load.StdoutLines, l => l.Contains("type=InvalidDataException", StringComparison.Ordinal) || l.Contains("ExpiredOrEmpty", StringComparison.Ordinal));
        // No caller waited past its bound.
        Assert.True(summary.Long("slowest-ms") <= (long)(CallTimeout + TimeSpan.FromSeconds(1)).TotalMilliseconds, load.Describe());
        // After Redis returns, every session answers, and none needed a new sign-in.
        Assert.Contains($"final ok={Sessions} failed=0", load.StdoutLines);
        Assert.Equal(logins, fixture.Front.Count(PasswordLogin));
    }

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private static async Task WaitForSecondsAsync(ChildProcess load, int count)
    {
        var seen = LoadLine.Parse(load.StdoutLines, "second").Count();
        Assert.True(await load.WaitForStdoutLineAsync(_ => LoadLine.Parse(load.StdoutLines, "second").Count(l => l.Long("calls") > 0) >= seen + count, TimeSpan.FromSeconds(60)), load.Describe());
    }
}
