using Cognito.Grains.Refresh;
using Microsoft.Extensions.Time.Testing;

namespace Cognito.Grains.Tests.Quota;

/// <summary>
/// Many sessions of one silo on a fake clock, driven by the grain's own <see cref="RefreshPolicy"/>
/// and <see cref="RefreshBudget"/>: users come and go by an activity mix, timers fire, callers with
/// unusable tokens refresh first, and a simulated Cognito may throttle. Refreshes take no time.
/// It records what a test must check: refreshes per second, and every token handed to a caller.
/// </summary>
internal sealed partial class QuotaSimulation
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);
    private readonly PriorityQueue<(int Session, EventKind Kind, int Version), long> _events = new();
    private readonly Session[] _sessions;
    private readonly Random _random = new(8);
    private readonly FakeTimeProvider _clock;
    private readonly DateTimeOffset _start;

    /// <param name="burst">
    /// Instead of an activity mix signed in over the hour before the start: sessions in use whose
    /// tokens all fall due at the start, five minutes before they expire (a burst of sign-ins).
    /// </param>
    public QuotaSimulation(int sessions, RefreshBudgetOptions options, FakeTimeProvider clock, bool burst = false)
    {
        _clock = clock;
        _start = clock.GetUtcNow();
        Options = options;
        Policy = new RefreshPolicy(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), options);
        Budget = new RefreshBudgets(options, clock).For("InitiateAuth")!;
        _sessions = new Session[sessions];
        for (var i = 0; i < sessions; i++)
        {
            if (burst)
            {
                _sessions[i] = new Session(Activity.Steady) { ExpiresAt = _start + TimeSpan.FromMinutes(5), LastUsed = _start };
                ScheduleTimer(i, TimeSpan.Zero);
                ScheduleUse(i, _start + NextUseIn(Activity.Steady, burst: false));
                continue;
            }

            // Signed in during the hour before the start, so the tokens fall due all through the first hour.
            var signedIn = _start - TimeSpan.FromSeconds(_random.NextDouble() * 3600);
            var kind = _random.NextDouble() switch { < 0.2 => Activity.Steady, < 0.7 => Activity.Rare, _ => Activity.Bursty };
            _sessions[i] = new Session(kind) { ExpiresAt = signedIn + TokenLifetime, LastUsed = signedIn };
            ScheduleTimer(i, Policy.RefreshDelay(_sessions[i].ExpiresAt, signedIn, _random.NextDouble()) - (_start - signedIn));
            ScheduleUse(i, _start + NextUseIn(kind, burst: false));
        }
    }

    public RefreshBudgetOptions Options { get; }

    public RefreshPolicy Policy { get; }

    public RefreshBudget Budget { get; }

    /// <summary>When set, simulated Cognito throttles every refresh beyond this many in one second.</summary>
    public Func<DateTimeOffset, int?> AccountLimit { get; init; } = _ => null;

    public Dictionary<long, int> RefreshesPerSecond { get; } = [];

    /// <summary>Every call to simulated Cognito, in ticks, in the order made.</summary>
    public List<long> RefreshTimes { get; } = [];

    /// <summary>Refreshes that came when the tokens were no longer usable: the timer was deferred past expiry.</summary>
    public int LateRefreshes { get; private set; }

    /// <summary>Timers of sessions in use that left the refresh to the next use.</summary>
    public int ActiveLeftToNextUse { get; private set; }

    /// <summary>Timers that booked a slot a moment ahead and refreshed in it.</summary>
    public int Booked { get; private set; }

    /// <summary>Sessions that never refreshed within the run.</summary>
    public int NeverRefreshed => _sessions.Count(s => s.Refreshes == 0);

    /// <summary>The most calls to simulated Cognito in any one-second window, wherever it starts.</summary>
    public int PeakInAnyWindow()
    {
        var times = RefreshTimes.Order().ToArray();
        var peak = 0;
        var first = 0;
        for (var last = 0; last < times.Length; last++)
        {
            while (times[last] - times[first] >= TimeSpan.TicksPerSecond)
            {
                first++;
            }

            peak = Math.Max(peak, last - first + 1);
        }

        return peak;
    }

    public int Uses { get; private set; }

    public int ExpiredHandedOut { get; private set; }

    public int CallersRefused { get; private set; }

    public int Throttled { get; private set; }

    public TimeSpan LongestCallerWait { get; private set; }

    public List<(DateTimeOffset At, double Rate)> Rates { get; } = [];

    public void RunFor(TimeSpan duration)
    {
        var end = (_start + duration).UtcTicks;
        var nextSample = _start.UtcTicks;
        while (_events.TryDequeue(out var e, out var at) && at < end)
        {
            _clock.SetUtcNow(new DateTimeOffset(at, TimeSpan.Zero));
            if (at >= nextSample)
            {
                Rates.Add((_clock.GetUtcNow(), Budget.Rate));
                nextSample = at + TimeSpan.TicksPerSecond * 10;
            }

            switch (e.Kind)
            {
                case EventKind.Timer:
                    OnTimer(e.Session, e.Version);
                    break;
                case EventKind.BookedSlot:
                    OnBookedSlot(e.Session, e.Version);
                    break;
                default:
                    OnUse(e.Session);
                    break;
            }
        }
    }

    private void OnUse(int id)
    {
        var session = _sessions[id];
        var now = _clock.GetUtcNow();
        session.LastUsed = now;
        Uses++;
        var servedAt = now;
        if (now < session.RefreshingUntil)
        {
            // Behind a caller's refresh in the grain's queue: served when it completes.
            servedAt = session.RefreshingUntil;
        }
        else if (!Policy.IsUsable(session.ExpiresAt, now))
        {
            var grant = RefreshPolicy.OnCaller(Budget);
            if (!grant.Granted)
            {
                CallersRefused++;
                ScheduleNextUse(id, now);
                return;
            }

            servedAt = now + grant.Wait;
            LongestCallerWait = grant.Wait > LongestCallerWait ? grant.Wait : LongestCallerWait;
            if (!Refresh(id, servedAt))
            {
                CallersRefused++;
                ScheduleNextUse(id, now);
                return;
            }

            session.RefreshingUntil = servedAt;
        }

        if (!Policy.IsUsable(session.ExpiresAt, servedAt))
        {
            ExpiredHandedOut++;
        }

        ScheduleNextUse(id, now);
    }

    private void ScheduleNextUse(int id, DateTimeOffset now)
    {
        var session = _sessions[id];
        var inBurst = session.Kind == Activity.Bursty && session.BurstLeft > 0;
        if (inBurst)
        {
            session.BurstLeft--;
        }
        else if (session.Kind == Activity.Bursty)
        {
            session.BurstLeft = _random.Next(5, 20);
        }

        ScheduleUse(id, now + NextUseIn(session.Kind, inBurst));
    }

    private void OnTimer(int id, int version)
    {
        var session = _sessions[id];
        if (version != session.TimerVersion)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        var decision = Policy.OnTimer(session.ExpiresAt, session.LastUsed, now, Budget, _random.NextDouble());
        switch (decision.Action)
        {
            case TimerAction.Reschedule:
                ScheduleTimer(id, decision.After);
                return;
            case TimerAction.RefreshBooked:
                // The grain's timer comes back for the slot; a caller's refresh meanwhile replaces it.
                session.TimerVersion++;
                _events.Enqueue((id, EventKind.BookedSlot, session.TimerVersion), (now + decision.After).UtcTicks);
                return;
            case TimerAction.OnNextUse:
                if (now - session.LastUsed <= Options.IdleAfter)
                {
                    ActiveLeftToNextUse++;
                }

                session.TimerVersion++;
                return;
        }

        TimerRefresh(id, now);
    }

    private void OnBookedSlot(int id, int version)
    {
        if (version != _sessions[id].TimerVersion)
        {
            return;
        }

        Booked++;
        TimerRefresh(id, _clock.GetUtcNow());
    }

    private void TimerRefresh(int id, DateTimeOffset now)
    {
        var session = _sessions[id];
        if (!Refresh(id, now))
        {
            session.Failures++;
            var retry = RefreshPolicy.OnTransientFailure(session.ExpiresAt, now, session.Failures);
            if (retry.Action == TimerAction.Reschedule)
            {
                ScheduleTimer(id, retry.After);
            }
            else
            {
                session.TimerVersion++;
            }
        }
    }

    /// <summary>One call to simulated Cognito at <paramref name="at"/>: counted, maybe throttled, else new tokens and a new timer.</summary>
    private bool Refresh(int id, DateTimeOffset at)
    {
        var second = at.ToUnixTimeSeconds();
        var count = RefreshesPerSecond[second] = RefreshesPerSecond.GetValueOrDefault(second) + 1;
        RefreshTimes.Add(at.UtcTicks);
        if (AccountLimit(at) is { } limit && count > limit)
        {
            Throttled++;
            Budget.OnThrottled();
            return false;
        }

        var session = _sessions[id];
        if (!Policy.IsUsable(session.ExpiresAt, at))
        {
            LateRefreshes++;
        }

        session.Refreshes++;
        session.ExpiresAt = at + TokenLifetime;
        session.Failures = 0;
        ScheduleTimer(id, Policy.RefreshDelay(session.ExpiresAt, at, _random.NextDouble()) + (at - _clock.GetUtcNow()));
        return true;
    }

    private void ScheduleTimer(int id, TimeSpan after)
    {
        var session = _sessions[id];
        session.TimerVersion++;
        var at = _clock.GetUtcNow() + (after < TimeSpan.Zero ? TimeSpan.Zero : after);
        _events.Enqueue((id, EventKind.Timer, session.TimerVersion), at.UtcTicks);
    }

    private void ScheduleUse(int id, DateTimeOffset at) => _events.Enqueue((id, EventKind.Use, 0), at.UtcTicks);

    private TimeSpan NextUseIn(Activity kind, bool burst) => kind switch
    {
        Activity.Steady => TimeSpan.FromMinutes(1 + (_random.NextDouble() * 4)),
        Activity.Rare => TimeSpan.FromHours(2 + (_random.NextDouble() * 6)),
        _ when burst => TimeSpan.FromSeconds(10 + (_random.NextDouble() * 50)),
        _ => TimeSpan.FromMinutes(30 + (_random.NextDouble() * 150)),
    };
}
