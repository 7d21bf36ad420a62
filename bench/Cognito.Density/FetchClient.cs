using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Cognito.Client;
using Cognito.Client.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Cognito.Density;

/// <summary>
/// One client process: sessions started per second (and the silo's CPU per sign-in), then valid-token
/// fetches at 1, 16 and 256 concurrent callers, each side by side with a Redis GET + JSON
/// deserialize of the same TokenSet.
/// </summary>
public static class FetchClient
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string? fallback = null) =>
            args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback ?? throw new ArgumentException($"{name} is required.");
        var signIns = int.Parse(Arg("--signins", "10000"), CultureInfo.InvariantCulture);
        var sessions = Math.Min(signIns, int.Parse(Arg("--sessions", "1000"), CultureInfo.InvariantCulture));
        var siloPid = int.Parse(Arg("--silo-pid"), CultureInfo.InvariantCulture);
        var redisPid = int.Parse(Arg("--redis-pid"), CultureInfo.InvariantCulture);
        using var key = RSA.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(Arg("--key")));
        var minter = new TokenMinter(key);

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(c => c.UseLocalhostClustering(int.Parse(Arg("--gateway"), CultureInfo.InvariantCulture)).AddCognitoClient());
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IClusterClient>();
        using var redis = await ConnectionMultiplexer.ConnectAsync(Arg("--redis"));
        var db = redis.GetDatabase();

        var warm = DensityRun.Mint(minter, "w", 0, 200);
        await Parallel.ForEachAsync(Enumerable.Range(0, warm.Length), async (i, ct) => await grains.GetCognitoUser(BenchSilo.Pool, $"w{i}").SignInWithTokensAsync(warm[i], ct));

        Console.WriteLine($"Minting {signIns} token sets...");
        var tokens = DensityRun.Mint(minter, "s", 0, signIns);
        // A marker for profilers attached to the silo (dotnet-trace collect -p <pid>): the sign-ins start now.
        Console.WriteLine("Signing in...");
        var cpuBefore = ProcessCpu(siloPid);
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, signIns), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
            await grains.GetCognitoUser(BenchSilo.Pool, $"s{i}").SignInWithTokensAsync(tokens[i], ct));
        watch.Stop();
        var cpu = ProcessCpu(siloPid) - cpuBefore;
        Console.WriteLine($"sign-ins: {signIns} in {watch.Elapsed.TotalSeconds:0.00} s = {signIns / watch.Elapsed.TotalSeconds:0} sessions/s (64 in flight); silo CPU {cpu.TotalMicroseconds / signIns:0} µs per sign-in");

        var users = Enumerable.Range(0, sessions).Select(i => grains.GetCognitoUser(BenchSilo.Pool, $"s{i}")).ToArray();
        var keys = Enumerable.Range(0, sessions).Select(i => (RedisKey)$"tokens:s{i}").ToArray();
        for (var i = 0; i < sessions; i++)
        {
            await db.StringSetAsync(keys[i], JsonSerializer.SerializeToUtf8Bytes(tokens[i], BenchJson.Default.TokenSet));
        }

        // CPU per call of each process (silo, this client, redis-server): where the 2 cores go.
        async Task<Run> MeasureAsync(int callers, int total, Func<int, Task> call)
        {
            var before = (Silo: ProcessCpu(siloPid), Client: ProcessCpu(Environment.ProcessId), Redis: ProcessCpu(redisPid));
            var latencies = await Latencies.MeasureAsync(callers, total, call);
            double PerCall(TimeSpan spent) => spent.TotalMicroseconds / total;
            return new Run(latencies, PerCall(ProcessCpu(siloPid) - before.Silo), PerCall(ProcessCpu(Environment.ProcessId) - before.Client), PerCall(ProcessCpu(redisPid) - before.Redis));
        }

        Console.WriteLine($"| callers | target | p50 µs | p99 µs | p99.9 µs | p50 / Redis | p99 / Redis | p99.9 / Redis | CPU µs/call silo + client + redis |");
        Console.WriteLine($"|--:|---|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var callers in (int[])[1, 16, 256])
        {
            var total = callers == 1 ? 20_000 : 100_000;
            var random = new Func<int, int>(i => (int)((uint)(i * 2654435761u) % (uint)sessions));
            async Task Redis(int i)
            {
                var value = await db.StringGetAsync(keys[random(i)]);
                _ = JsonSerializer.Deserialize((byte[])value!, BenchJson.Default.TokenSet) ?? throw new InvalidOperationException("empty");
            }

            Task Ours(int i) => users[random(i)].GetTokensAsync();
            Task One(int i) => users[0].GetTokensAsync();

            // Warm-up, then the measured runs, alternating so drifting load hits both sides alike.
            await Latencies.MeasureAsync(callers, total / 4, Redis);
            await Latencies.MeasureAsync(callers, total / 4, Ours);
            var redisRun = await MeasureAsync(callers, total, Redis);
            var oursRun = await MeasureAsync(callers, total, Ours);
            var oneRun = await MeasureAsync(callers, total, One);
            Row(callers, "Redis GET + JSON", redisRun, redisRun);
            Row(callers, $"GetTokensAsync, random of {sessions}", oursRun, redisRun);
            Row(callers, "GetTokensAsync, one session", oneRun, redisRun);
        }

        await host.StopAsync();
        return 0;
    }

    private static void Row(int callers, string target, Run run, Run redis)
    {
        var (r, b) = (run.Latencies, redis.Latencies);
        Console.WriteLine($"| {callers} | {target} | {r[0]:0} | {r[1]:0} | {r[2]:0} | {r[0] / b[0]:0.00} | {r[1] / b[1]:0.00} | {r[2] / b[2]:0.00} | {run.Silo:0} + {run.Client:0} + {run.Redis:0} = {run.Silo + run.Client + run.Redis:0} |");
    }

    private sealed record Run(double[] Latencies, double Silo, double Client, double Redis);

    private static TimeSpan ProcessCpu(int pid)
    {
        // utime and stime, fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux).
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
