using System.Collections.Concurrent;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// How many calls of each operation the front received in each second of real time (calls to
/// Cognito happen in real time whatever clock the callers schedule by). Thread-safe.
/// </summary>
public sealed class CallRates
{
    private readonly ConcurrentDictionary<(string Operation, long Second), int> _counts = new();

    internal void Record(string operation, DateTimeOffset at) =>
        _counts.AddOrUpdate((operation, at.ToUnixTimeSeconds()), 1, (_, count) => count + 1);

    /// <summary>Calls of <paramref name="operation"/> per second since <paramref name="since"/>, oldest first; seconds without calls are left out.</summary>
    public IReadOnlyList<(DateTimeOffset Second, int Calls)> PerSecond(string operation, DateTimeOffset since)
    {
        var from = since.ToUnixTimeSeconds();
        return _counts
            .Where(entry => entry.Key.Operation == operation && entry.Key.Second >= from)
            .OrderBy(entry => entry.Key.Second)
            .Select(entry => (DateTimeOffset.FromUnixTimeSeconds(entry.Key.Second), entry.Value))
            .ToList();
    }

    /// <summary>The most calls of <paramref name="operation"/> in any one second since <paramref name="since"/>.</summary>
    public int Peak(string operation, DateTimeOffset since) =>
        PerSecond(operation, since).Select(s => s.Calls).DefaultIfEmpty(0).Max();

    /// <summary>Forgets every recorded call.</summary>
    public void Clear() => _counts.Clear();
}
