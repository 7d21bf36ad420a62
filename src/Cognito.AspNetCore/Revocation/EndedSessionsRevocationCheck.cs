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

        return snapshot.SignedOut.TryGetValue(claims.Subject, out var signedOut) && claims.IssuedAt <= signedOut.UpTo;
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
            var held = _snapshot;
            // Most polls bring nothing: keep the held sets (never written after publication) under the new version.
            if (page.IsComplete && page.Entries.Count == 0 && now < held.NextExpiry)
            {
                _snapshot = held with { Version = page.Version };
                return;
            }

            var builder = new SnapshotBuilder(page.IsComplete ? held : Snapshot.Empty, now);
            foreach (var entry in page.Entries.Where(e => e.KeepUntil > now))
            {
                builder.Add(entry);
            }

            _snapshot = builder.Build(page.Version);
        }
    }

    // Published whole and never written after: readers need no lock.
    private sealed record Snapshot(
        long Version,
        Dictionary<string, DateTimeOffset> OriginJtis,
        Dictionary<string, DateTimeOffset> EventIds,
        Dictionary<string, (DateTimeOffset UpTo, DateTimeOffset KeepUntil)> SignedOut,
        DateTimeOffset NextExpiry)
    {
        public static readonly Snapshot Empty = new(0, [], [], [], DateTimeOffset.MaxValue);

        public int Count => OriginJtis.Count + EventIds.Count + SignedOut.Count;
    }

    private sealed class SnapshotBuilder(Snapshot from, DateTimeOffset now)
    {
        private readonly Dictionary<string, DateTimeOffset> _originJtis = Live(from.OriginJtis, now);
        private readonly Dictionary<string, DateTimeOffset> _eventIds = Live(from.EventIds, now);
        private readonly Dictionary<string, (DateTimeOffset UpTo, DateTimeOffset KeepUntil)> _signedOut =
            from.SignedOut.Where(e => e.Value.KeepUntil > now).ToDictionary(StringComparer.Ordinal);

        public void Add(EndedSession entry)
        {
            if (entry.OriginJti is { } originJti)
            {
                _originJtis[originJti] = Max(_originJtis.GetValueOrDefault(originJti), entry.KeepUntil);
            }
            else if (entry.EventId is { } eventId)
            {
                _eventIds[eventId] = Max(_eventIds.GetValueOrDefault(eventId), entry.KeepUntil);
            }
            else if (entry.Subject is { } subject)
            {
                var held = _signedOut.GetValueOrDefault(subject);
                _signedOut[subject] = (Max(held.UpTo, entry.IssuedUpTo), Max(held.KeepUntil, entry.KeepUntil));
            }
        }

        public Snapshot Build(long version)
        {
            var expiries = _originJtis.Values.Concat(_eventIds.Values).Concat(_signedOut.Values.Select(v => v.KeepUntil));
            return new Snapshot(version, _originJtis, _eventIds, _signedOut, expiries.DefaultIfEmpty(DateTimeOffset.MaxValue).Min());
        }

        private static Dictionary<string, DateTimeOffset> Live(Dictionary<string, DateTimeOffset> held, DateTimeOffset now) =>
            held.Where(e => e.Value > now).ToDictionary(StringComparer.Ordinal);

        private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    }
}
