namespace Cognito.Grains.Refresh;

/// <summary>
/// This silo's part of the cluster's refresh rate for one quota category. Grants are spaced
/// evenly (no bursts), so no second ever holds more than the rate. Callers whose tokens expired
/// book the next free slot, ahead of any timer; timers book one only within
/// <see cref="RefreshBudgetOptions.TimerLookAhead"/>, idle sessions' timers only when the budget
/// has not been short for a while. A throttled
/// answer halves the rate, which then grows back a little every second (AIMD). Thread-safe;
/// driven by its <see cref="TimeProvider"/>.
/// </summary>
internal sealed class RefreshBudget
{
    // An idle session's timer waits until the budget has not been short for this long.
    private static readonly TimeSpan ShortMemory = TimeSpan.FromMinutes(1);
    // Throttled answers that arrive together are one signal, not many.
    private static readonly TimeSpan DecreaseHoldOff = TimeSpan.FromSeconds(1);

    private readonly object _gate = new();
    private double _clusterRate;
    private readonly RefreshBudgetOptions _options;
    private int _silos = 1;
    private double _rate;
    private long _nextFree;
    private long _lastShort = long.MinValue / 2;
    private long _lastAdjusted;
    private long _lastDecrease = long.MinValue / 2;

    public RefreshBudget(string category, double clusterRate, RefreshBudgetOptions options, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusterRate);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        Category = category;
        _clusterRate = clusterRate;
        _options = options;
        Time = time;
        _rate = clusterRate;
        _lastAdjusted = Now;
    }

    public string Category { get; }

    public TimeProvider Time { get; }

    /// <summary>This silo's configured part: the cluster's rate over the active silos.</summary>
    public double Share
    {
        get
        {
            lock (_gate)
            {
                return _clusterRate / _silos;
            }
        }
    }

    /// <summary>The refreshes per second this silo allows now: its share, less what throttling took.</summary>
    public double Rate
    {
        get
        {
            lock (_gate)
            {
                Recover(Now);
                return _rate;
            }
        }
    }

    private long Now => Time.GetUtcNow().UtcTicks;

    /// <summary>Shares the cluster's rate among <paramref name="silos"/> active silos.</summary>
    public void SetActiveSilos(int silos)
    {
        lock (_gate)
        {
            var count = Math.Max(1, silos);
            // What throttling took stays taken, in proportion.
            _rate = _rate * _silos / count;
            _silos = count;
        }
    }

    /// <summary>The whole cluster's rate changed (the quota was raised, or read from the account): this silo's part follows.</summary>
    public void SetClusterRate(double clusterRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusterRate);
        lock (_gate)
        {
            // What throttling took stays taken, in proportion.
            _rate = _rate * clusterRate / _clusterRate;
            _clusterRate = clusterRate;
            _nextFree = Math.Min(_nextFree, Now + IntervalTicks());
        }
    }

    /// <summary>Asks for one refresh.</summary>
    public RefreshGrant Request(RefreshPriority priority)
    {
        lock (_gate)
        {
            var now = Now;
            Recover(now);
            var interval = IntervalTicks();
            if (priority == RefreshPriority.Caller)
            {
                var slot = Math.Max(now, _nextFree);
                var wait = TimeSpan.FromTicks(slot - now);
                if (wait > TimeSpan.Zero)
                {
                    _lastShort = now;
                }

                if (wait > _options.MaxWait)
                {
                    return RefreshGrant.Refused(wait, isShort: true);
                }

                _nextFree = slot + interval;
                return wait == TimeSpan.Zero ? RefreshGrant.Now : RefreshGrant.After(wait);
            }

            var isShort = now - _lastShort < ShortMemory.Ticks;
            // A timer may book a slot a moment ahead, so sessions that fall due together are
            // spaced out within the budget rather than deferred; further ahead, the slots are
            // left to callers, who must not queue behind more than this of timers.
            var next = Math.Max(now, _nextFree);
            var ahead = TimeSpan.FromTicks(next - now);
            if (ahead > _options.TimerLookAhead)
            {
                if (priority == RefreshPriority.Active)
                {
                    _lastShort = now;
                }

                return RefreshGrant.Refused(ahead - _options.TimerLookAhead, isShort);
            }

            if (priority == RefreshPriority.Idle && isShort)
            {
                return RefreshGrant.Refused(TimeSpan.FromTicks(_lastShort + ShortMemory.Ticks - now), isShort: true);
            }

            _nextFree = next + interval;
            return ahead == TimeSpan.Zero ? RefreshGrant.Now : RefreshGrant.After(ahead);
        }
    }

    /// <summary>Cognito throttled a refresh: the rate shrinks (at most once a second).</summary>
    public void OnThrottled()
    {
        lock (_gate)
        {
            var now = Now;
            Recover(now);
            _lastShort = now;
            if (now - _lastDecrease < DecreaseHoldOff.Ticks)
            {
                return;
            }

            _lastDecrease = now;
            _rate = Math.Max(_clusterRate / _silos * _options.MinimumFraction, _rate * _options.ThrottleDecrease);
            // Slots booked at the old rate stay; the next ones come at the new spacing.
            _nextFree = Math.Max(_nextFree, now) + IntervalTicks();
        }
    }

    private void Recover(long now)
    {
        var share = _clusterRate / _silos;
        var seconds = (double)(now - _lastAdjusted) / TimeSpan.TicksPerSecond;
        _lastAdjusted = now;
        if (seconds > 0 && _rate < share)
        {
            _rate = Math.Min(share, _rate + (share * _options.RecoveryPerSecond * seconds));
        }
    }

    // Rounded up, so that a second never holds more grants than the rate.
    private long IntervalTicks() => (long)Math.Ceiling(TimeSpan.TicksPerSecond / _rate);
}
