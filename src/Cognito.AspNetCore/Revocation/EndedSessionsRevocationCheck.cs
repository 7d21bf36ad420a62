using System.Collections.Concurrent;
using Cognito.Client.Model;
using Cognito.IdentityProvider.Tokens;

namespace Cognito.AspNetCore.Revocation;

/// <summary>
/// The front end's copy of a pool's ended-sessions log (<c>IEndedSessionsGrain</c>), asked by the
/// token verifier about every token: a token of a session ended through the grains is refused
/// although its signature and lifetime are fine. Kept current by <see cref="EndedSessionsPoller"/>;
/// lookups are in memory and lock-free.
/// </summary>
public sealed class EndedSessionsRevocationCheck(TimeProvider? timeProvider = null) : ITokenRevocationCheck
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly object _applyGate = new();
    private volatile Snapshot _snapshot = Snapshot.Empty;

    /// <summary>The log version this copy has seen; pass it to the next <c>GetSinceAsync</c>.</summary>
    public long Version => _snapshot.Version;

    /// <summary>How many ended sessions and signed-out users this copy holds.</summary>
    public int Count => _snapshot.Count;

    /// <inheritdoc />
    public bool IsRevoked(in TokenRevocationClaims claims)
    {
        var snapshot = _snapshot;
        if (claims.OriginJti is { } originJti && snapshot.OriginJtis.ContainsKey(originJti))
        {
            return true;
        }

        if (claims.EventId is { } eventId && snapshot.EventIds.ContainsKey(eventId))
        {
            return true;
        }

        return snapshot.SignedOutUpTo.TryGetValue(claims.Subject, out var upTo) && claims.IssuedAt <= upTo;
    }

    /// <summary>
    /// Takes in one page of the log: added to what is held when <see cref="EndedSessionsPage.IsComplete"/>,
    /// in place of it otherwise. Entries past their <see cref="EndedSession.KeepUntil"/> are dropped.
    /// </summary>
    public void Apply(EndedSessionsPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        lock (_applyGate)
        {
            var now = _time.GetUtcNow();
            var next = page.IsComplete ? _snapshot.Live(now) : Snapshot.Empty.Live(now);
            foreach (var entry in page.Entries.Where(e => e.KeepUntil > now))
            {
                next.Add(entry);
            }

            next.Version = page.Version;
            _snapshot = next;
        }
    }

    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new();

        public ConcurrentDictionary<string, DateTimeOffset> OriginJtis { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, DateTimeOffset> EventIds { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, DateTimeOffset> SignedOutUpTo { get; } = new(StringComparer.Ordinal);

        private readonly Dictionary<string, DateTimeOffset> _keepSubjectUntil = new(StringComparer.Ordinal);

        public long Version { get; set; }

        public int Count => OriginJtis.Count + EventIds.Count + SignedOutUpTo.Count;

        // A copy without what has expired: readers keep using the old snapshot meanwhile.
        public Snapshot Live(DateTimeOffset now)
        {
            var copy = new Snapshot { Version = Version };
            foreach (var (key, until) in OriginJtis.Where(e => e.Value > now))
            {
                copy.OriginJtis[key] = until;
            }

            foreach (var (key, until) in EventIds.Where(e => e.Value > now))
            {
                copy.EventIds[key] = until;
            }

            foreach (var (subject, until) in _keepSubjectUntil.Where(e => e.Value > now))
            {
                copy._keepSubjectUntil[subject] = until;
                copy.SignedOutUpTo[subject] = SignedOutUpTo[subject];
            }

            return copy;
        }

        public void Add(EndedSession entry)
        {
            if (entry.OriginJti is { } originJti)
            {
                OriginJtis[originJti] = Later(OriginJtis, originJti, entry.KeepUntil);
            }
            else if (entry.EventId is { } eventId)
            {
                EventIds[eventId] = Later(EventIds, eventId, entry.KeepUntil);
            }
            else if (entry.Subject is { } subject)
            {
                SignedOutUpTo[subject] = Later(SignedOutUpTo, subject, entry.IssuedUpTo);
                _keepSubjectUntil[subject] = _keepSubjectUntil.TryGetValue(subject, out var kept) && kept > entry.KeepUntil ? kept : entry.KeepUntil;
            }
        }

        private static DateTimeOffset Later(ConcurrentDictionary<string, DateTimeOffset> map, string key, DateTimeOffset value) =>
            map.TryGetValue(key, out var held) && held > value ? held : value;
    }
}
