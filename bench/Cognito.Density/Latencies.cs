using System.Diagnostics;

namespace Cognito.Density;

/// <summary>Runs <c>callers</c> concurrent loops for <c>total</c> calls and keeps each call's latency.</summary>
public static class Latencies
{
    public static async Task<double[]> MeasureAsync(int callers, int total, Func<int, Task> call)
    {
        var samples = new long[total];
        var next = -1;
        var loops = Enumerable.Range(0, callers).Select(async _ =>
        {
            await Task.Yield();
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= total)
                {
                    return;
                }

                var started = Stopwatch.GetTimestamp();
                await call(i);
                samples[i] = Stopwatch.GetTimestamp() - started;
            }
        });
        await Task.WhenAll(loops);
        Array.Sort(samples);
        double Us(double q) => samples[Math.Min(total - 1, (int)(q * total))] * 1_000_000.0 / Stopwatch.Frequency;
        return [Us(0.50), Us(0.99), Us(0.999)];
    }
}
