using System.Diagnostics;
using System.Security.Cryptography;
using Cognito.Client;
using Microsoft.Extensions.Logging;

namespace Cognito.Density;

/// <summary>
/// Memory per held session in one silo: N sessions through SignInWithTokensAsync, then (in the same
/// silo, after collecting those) N plain grains with the same three strings. Tokens are minted in
/// batches and dropped once signed in, so only what the silo keeps is measured.
/// </summary>
public static class DensityRun
{
    private const int Batch = 2_000;

    public static async Task RunAsync(int sessions, LogLevel logLevel)
    {
        using var key = RSA.Create(2048);
        var minter = new TokenMinter(key);
        using var host = BenchSilo.Build(minter.Jwks(), BenchSilo.FreePort(), BenchSilo.FreePort(), logLevel);
        await host.StartAsync();
        var grains = BenchSilo.Grains(host);

        // Warm up both paths (JIT, pool, verifier, storage grains) outside the measurement.
        await SignInAsync(grains, minter, "warm", 0, 200);
        await PlainAsync(grains, minter, "warm", 0, 200);
        await BenchSilo.CollectIdleAsync(grains);

        var sample = minter.Mint("u0", TimeSpan.FromHours(1));
        Console.WriteLine($"token sizes: access {sample.AccessToken.Length}, id {sample.IdToken!.Length}, refresh {sample.RefreshToken!.Length} characters");
        var before = HeapMeter.Measure();
        var watch = Stopwatch.StartNew();
        for (var start = 0; start < sessions; start += Batch)
        {
            await SignInAsync(grains, minter, "u", start, Math.Min(Batch, sessions - start));
        }

        watch.Stop();
        var held = HeapMeter.Measure();
        if (Environment.GetEnvironmentVariable("DENSITY_PAUSE") is { } pause)
        {
            // For a heap dump (dotnet-gcdump collect -p <pid>) of the held sessions.
            Console.WriteLine($"pid {Environment.ProcessId}: holding {sessions} sessions for {pause} s");
            await Task.Delay(TimeSpan.FromSeconds(int.Parse(pause, System.Globalization.CultureInfo.InvariantCulture)));
        }

        await BenchSilo.CollectIdleAsync(grains);
        var collected = HeapMeter.Measure();

        // The store's copies stay (they are the Memory store's sessions); the plain grains come on top.
        for (var start = 0; start < sessions; start += Batch)
        {
            await PlainAsync(grains, minter, "p", start, Math.Min(Batch, sessions - start));
        }

        var plain = HeapMeter.Measure();
        Console.WriteLine($"sessions={sessions}");
        Console.WriteLine($"session (activation+state+timer+store copy): {HeapMeter.Kb((double)(held - before) / sessions)} per session");
        Console.WriteLine($"after idle collection (Memory store copy only): {HeapMeter.Kb((double)(collected - before) / sessions)} per session");
        Console.WriteLine($"plain grain with three strings: {HeapMeter.Kb((double)(plain - collected) / sessions)} per grain");
        Console.WriteLine($"GC heap size {GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024)} MiB; mint+sign-in wall time {watch.Elapsed.TotalSeconds:0.0} s");
        await host.StopAsync();
    }

    private static async Task SignInAsync(IGrainFactory grains, TokenMinter minter, string prefix, int start, int count)
    {
        var tokens = Mint(minter, prefix, start, count);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            var result = await grains.GetCognitoUser(BenchSilo.Pool, $"{prefix}{start + i}").SignInWithTokensAsync(tokens[i], ct);
            if (!result.IsSignedIn)
            {
                throw new InvalidOperationException("A bench sign-in did not sign in.");
            }
        });
    }

    private static async Task PlainAsync(IGrainFactory grains, TokenMinter minter, string prefix, int start, int count)
    {
        var tokens = Mint(minter, prefix, start, count);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
            await grains.GetGrain<IPlainTokenGrain>($"{prefix}{start + i}").SetAsync(tokens[i].AccessToken, tokens[i].IdToken, tokens[i].RefreshToken, tokens[i].ExpiresAt));
    }

    public static Client.Model.TokenSet[] Mint(TokenMinter minter, string prefix, int start, int count)
    {
        var tokens = new Client.Model.TokenSet[count];
        Parallel.For(0, count, i => tokens[i] = minter.Mint($"{prefix}{start + i}", TimeSpan.FromHours(1)));
        return tokens;
    }
}
