using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Cognito.IdentityProvider.Tokens;

namespace Cognito.Benchmarks.Tokens;

/// <summary>
/// `dotnet run -c Release --project bench/Cognito.Benchmarks -- tokens [--rounds 7] [--tokens 4000] [--repeated 200000]`:
/// CognitoTokenVerifier, JsonWebTokenHandler and aws-jwt-verify (node, a child process) verify the same
/// access tokens against the same JWKS, one synchronous loop per round, interleaved round by round so
/// that a change in the machine's load hits all of them alike. Ratios are taken within a round.
/// </summary>
internal static class TokenBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = Option(args, "--rounds", 7);
        var distinctCount = Option(args, "--tokens", 4000);
        var repeatedCount = Option(args, "--repeated", 200_000);
        var only = Array.IndexOf(args, "--only") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

        Console.WriteLine($"date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; load average at start: {LoadAverage()}");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {CpuModel()}");
        var minting = Stopwatch.StartNew();
        var tokens = BenchTokens.Mint(distinctCount);
        Console.WriteLine($"minted {distinctCount} distinct access tokens of {tokens.Repeated.Length} characters in {minting.Elapsed.TotalSeconds:0.0} s");

        using var node = await NodeVerifier.StartAsync(tokens);
        Console.WriteLine($"node {node.NodeVersion}, {NodeVerifier.Package} {NodeVerifier.Version}; {rounds} rounds after a warm-up round");
        var handler = new HandlerVerifier(tokens.Jwks);
        using var floor = new SignatureFloor(tokens.Jwks);
        var results = new Dictionary<string, List<Sample>>();

        for (var round = 0; round <= rounds; round++)
        {
            var contenders = new (string Name, Func<Task<Sample>> Run)[]
            {
                ("ours, distinct (cache on, default)", () => Task.FromResult(Ours(tokens, 10_000, tokens.Distinct))),
                ("ours, distinct (cache off)", () => Task.FromResult(Ours(tokens, 0, tokens.Distinct))),
                ("ours, repeated (cache on, default)", () => Task.FromResult(OursRepeated(tokens, repeatedCount))),
                ("JsonWebTokenHandler, distinct", () => Task.FromResult(Measure(tokens.Distinct, t => handler.Verify(t)))),
                ("JsonWebTokenHandler, repeated", () => Task.FromResult(Measure(Enumerable.Repeat(tokens.Repeated, distinctCount).ToArray(), t => handler.Verify(t)))),
                ("RSA.VerifyHash alone (the floor), distinct", () => Task.FromResult(Measure(tokens.Distinct, floor.Verify))),
                ("aws-jwt-verify, distinct", async () => Sample.Of(await node.RunAsync(true, distinctCount))),
                ("aws-jwt-verify, repeated", async () => Sample.Of(await node.RunAsync(false, distinctCount))),
            };

            if (only is not null)
            {
                contenders = [.. contenders.Where(c => c.Name.StartsWith(only, StringComparison.Ordinal) || c.Name.StartsWith("aws", StringComparison.Ordinal) || c.Name.StartsWith("RSA", StringComparison.Ordinal))];
            }

            // Each round starts at another contender, so none always runs right after the same neighbour.
            var samples = new Dictionary<string, Sample>();
            for (var i = 0; i < contenders.Length; i++)
            {
                var (name, run) = contenders[(i + round) % contenders.Length];
                GC.Collect();
                GC.WaitForPendingFinalizers();
                samples[name] = await run();
            }

            if (round == 0)
            {
                continue;
            }

            foreach (var (name, sample) in samples)
            {
                var list = results.TryGetValue(name, out var existing) ? existing : results[name] = [];
                list.Add(sample with
                {
                    RatioToNode = sample.PerSecond / samples[name.Contains("repeated", StringComparison.Ordinal) ? "aws-jwt-verify, repeated" : "aws-jwt-verify, distinct"].PerSecond,
                });
            }

            Console.WriteLine($"round {round}: " + string.Join("; ", contenders.Select(c => $"{c.Name} {samples[c.Name].PerSecond:0}/s")));
        }

        Console.WriteLine();
        Console.WriteLine("| Verifier | median verifications/s | min | max | median ratio to aws-jwt-verify (same round) | bytes allocated per verification |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|");
        foreach (var (name, list) in results.OrderBy(r => Array.IndexOf(Names, r.Key)))
        {
            var perSecond = list.Select(s => s.PerSecond).Order().ToArray();
            var ratio = list.Select(s => s.RatioToNode).Order().ToArray();
            var bytes = list[0].BytesPerOp is { } b ? Math.Round(list.Average(s => s.BytesPerOp!.Value)).ToString("N0", CultureInfo.InvariantCulture) : "n/a (node)";
            Console.WriteLine($"| {name} | {Median(perSecond):N0} | {perSecond[0]:N0} | {perSecond[^1]:N0} | {Median(ratio):0.00}× | {bytes} |");
        }

        Console.WriteLine();
        Console.WriteLine($"heap held per cache entry (token string excluded): {RetainedPerEntry(tokens):N0} bytes; a token string adds {(2 * tokens.Repeated.Length) + 22:N0} bytes");
        Console.WriteLine($"load average at end: {LoadAverage()}");
        return 0;
    }

    private static readonly string[] Names =
    [
        "ours, distinct (cache on, default)", "ours, distinct (cache off)", "ours, repeated (cache on, default)",
        "JsonWebTokenHandler, distinct", "JsonWebTokenHandler, repeated", "RSA.VerifyHash alone (the floor), distinct",
        "aws-jwt-verify, distinct", "aws-jwt-verify, repeated",
    ];

    private static CognitoTokenVerifier NewVerifier(BenchTokens tokens, int cacheSize)
    {
        var options = new CognitoTokenVerifierOptions
        {
            UserPoolId = BenchTokens.PoolId,
            Jwks = tokens.Jwks,
            UseJwksEnvironmentVariable = false,
            VerifiedTokenCacheSize = cacheSize,
        };
        options.ClientIds.Add(BenchTokens.ClientId);
        return new CognitoTokenVerifier(options);
    }

    /// <summary>A fresh verifier per round, so that no token of the round is in its cache before the round.</summary>
    private static Sample Ours(BenchTokens tokens, int cacheSize, string[] distinct)
    {
        var verifier = NewVerifier(tokens, cacheSize);
        return Measure(distinct, t => verifier.VerifyAccessTokenAsync(t).GetAwaiter().GetResult().Subject);
    }

    private static Sample OursRepeated(BenchTokens tokens, int count)
    {
        var verifier = NewVerifier(tokens, 10_000);
        verifier.VerifyAccessTokenAsync(tokens.Repeated).GetAwaiter().GetResult();
        return Measure(Enumerable.Repeat(tokens.Repeated, count).ToArray(), t => verifier.VerifyAccessTokenAsync(t).GetAwaiter().GetResult().Subject);
    }

    private static Sample Measure(string[] tokens, Func<string, string> verify)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var verified = 0;
        foreach (var token in tokens)
        {
            verified += verify(token).Length > 0 ? 1 : 0;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        if (verified != tokens.Length)
        {
            throw new InvalidOperationException("A bench token was not verified.");
        }

        return new Sample(tokens.Length / seconds, (double)bytes / tokens.Length, 0);
    }

    private static long RetainedPerEntry(BenchTokens tokens)
    {
        var verifier = NewVerifier(tokens, tokens.Distinct.Length);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var token in tokens.Distinct)
        {
            verifier.VerifyAccessTokenAsync(token).GetAwaiter().GetResult();
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(verifier);
        return (after - before) / tokens.Distinct.Length;
    }

    private static double Median(double[] sorted) => sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";

    private sealed record Sample(double PerSecond, double? BytesPerOp, double RatioToNode)
    {
        public static Sample Of((int Count, double Seconds) run) => new(run.Count / run.Seconds, null, 0);
    }
}
