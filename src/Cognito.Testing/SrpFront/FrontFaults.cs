namespace Cognito.Testing.SrpFront;

/// <summary>
/// Failures the front injects into the calls it receives, switchable while it runs: on or off, at
/// which rate, of which kinds, for which operations. A call picked for a fault is still counted as
/// received; faults are decided before the call is served, so a failed call changed nothing
/// upstream. Thread-safe.
/// </summary>
public sealed class FrontFaults
{
    private readonly object _gate = new();
    private readonly Dictionary<FaultKind, int> _injected = [];
    private FaultKind[] _kinds = [];
    private HashSet<string>? _operations;
    private double _rate;

    /// <summary>Whether faults are injected at all.</summary>
    public bool Enabled { get; private set; }

    /// <summary>The share of matching calls that fail, 0 to 1.</summary>
    public double Rate => _rate;

    /// <summary>How long a <see cref="FaultKind.Timeout"/> holds the request before aborting it.</summary>
    public TimeSpan HoldFor { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a <see cref="FaultKind.Slow"/> answer is delayed.</summary>
    public TimeSpan SlowBy { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Injects <paramref name="kinds"/> into <paramref name="rate"/> of the calls to
    /// <paramref name="operations"/> — names as <see cref="SrpFront.Count"/> counts them
    /// (<c>"GetUser"</c>, <c>"InitiateAuth:REFRESH_TOKEN_AUTH"</c>); none means every operation.
    /// </summary>
    public void Start(double rate, FaultKind kinds = FaultKind.Failures, params string[] operations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1);
        var picked = Enum.GetValues<FaultKind>().Where(k => k is not (FaultKind.None or FaultKind.Failures or FaultKind.All) && kinds.HasFlag(k)).ToArray();
        if (picked.Length == 0)
        {
            throw new ArgumentException("Name at least one fault kind.", nameof(kinds));
        }

        lock (_gate)
        {
            _rate = rate;
            _kinds = picked;
            _operations = operations.Length == 0 ? null : new HashSet<string>(operations, StringComparer.Ordinal);
            Enabled = true;
        }
    }

    /// <summary>Stops injecting; the counts of injected faults stay.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            Enabled = false;
        }
    }

    /// <summary>How many faults of <paramref name="kind"/> were injected.</summary>
    public int Injected(FaultKind kind)
    {
        lock (_gate)
        {
            return _injected.GetValueOrDefault(kind);
        }
    }

    /// <summary>How many faults were injected, of every kind.</summary>
    public int InjectedTotal
    {
        get
        {
            lock (_gate)
            {
                return _injected.Values.Sum();
            }
        }
    }

    /// <summary>The fault for a call of <paramref name="operation"/> (and its flow or challenge, if any), or <see cref="FaultKind.None"/>.</summary>
    internal FaultKind Pick(string operation, string? detailed)
    {
        lock (_gate)
        {
            if (!Enabled || (_operations is not null && !_operations.Contains(operation) && (detailed is null || !_operations.Contains(detailed))))
            {
                return FaultKind.None;
            }

            if (Random.Shared.NextDouble() >= _rate)
            {
                return FaultKind.None;
            }

            var kind = _kinds[Random.Shared.Next(_kinds.Length)];
            _injected[kind] = _injected.GetValueOrDefault(kind) + 1;
            return kind;
        }
    }
}
