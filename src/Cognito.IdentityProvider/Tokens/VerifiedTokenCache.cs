using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Cognito.IdentityProvider.Tokens;

/// <summary>A token that passed every check, with what a cache hit must check again.</summary>
/// <param name="token">The whole token, compared in full on every lookup.</param>
/// <param name="result">What the verification returned; immutable, so it is handed out again as it is.</param>
/// <param name="revocation">The claims the revocation check is asked about on every hit.</param>
/// <param name="atHash">The ID token's <c>at_hash</c>, to bind it to an access token on a hit.</param>
/// <param name="keys">The key set it was verified with: when a download replaced it, the token is verified again.</param>
/// <param name="validFrom">The later of <c>iat</c> and <c>nbf</c>: the clock (plus skew) must not be before it.</param>
/// <param name="deadline"><c>exp</c> plus the clock skew: the first instant the token is refused.</param>
/// <remarks>A class, not a record: entries are compared by reference, and no ToString may show the token.</remarks>
internal sealed class VerifiedEntry(
    string token,
    VerifiedCognitoToken result,
    TokenRevocationClaims revocation,
    string? atHash,
    object? keys,
    DateTimeOffset validFrom,
    DateTimeOffset deadline)
{
    /// <summary>When it was last served (<see cref="Environment.TickCount64"/>), for least-recently-used eviction.</summary>
    public long LastUsed;

    /// <summary>The order it was added in, to break ties between entries used in the same millisecond.</summary>
    public long Sequence;

    public string Token { get; } = token;

    public VerifiedCognitoToken Result { get; } = result;

    /// <summary>The result as a completed task, made once: a cache hit then allocates nothing.</summary>
    public Task<VerifiedCognitoToken> Completed { get; } = Task.FromResult(result);

    public TokenRevocationClaims Revocation { get; } = revocation;

    public string? AtHash { get; } = atHash;

    public object? Keys { get; } = keys;

    public DateTimeOffset ValidFrom { get; } = validFrom;

    public DateTimeOffset Deadline { get; } = deadline;
}

/// <summary>
/// Tokens that verified, keyed by the whole token: a lookup compares every character, so a token
/// that differs in one byte is never served from here. The key's hash is the process-randomized
/// string hash of the signature segment, which differs between any two tokens that verified (it
/// signs the rest); only verified tokens get in, so nobody can fill a bucket on purpose. At most
/// <c>capacity</c> entries: when full, expired entries go first, then the least recently used
/// (down to 90 % of the capacity, so the sweep is paid once per many additions). Lookups take no lock.
/// </summary>
internal sealed class VerifiedTokenCache
{
    private readonly ConcurrentDictionary<TokenKey, VerifiedEntry> _entries;
    private readonly int _capacity;
    private readonly int _lowWatermark;
    private readonly Lock _sweepGate = new();
    private int _count;
    private long _sequence;

    public VerifiedTokenCache(int capacity)
    {
        _capacity = capacity;
        _lowWatermark = capacity - Math.Max(1, capacity / 10);
        _entries = new ConcurrentDictionary<TokenKey, VerifiedEntry>(TokenKey.Comparer);
    }

    public int Count => Volatile.Read(ref _count);

    public bool TryGet(string token, [NotNullWhen(true)] out VerifiedEntry? entry) =>
        _entries.TryGetValue(TokenKey.Of(token), out entry);

    /// <summary>Marks a served entry as used; the write is skipped within the same millisecond, so a hot token does not bounce its cache line between cores.</summary>
    public static void Touch(VerifiedEntry entry)
    {
        var now = Environment.TickCount64;
        if (Volatile.Read(ref entry.LastUsed) != now)
        {
            Volatile.Write(ref entry.LastUsed, now);
        }
    }

    public void Remove(VerifiedEntry entry)
    {
        if (_entries.TryRemove(new KeyValuePair<TokenKey, VerifiedEntry>(TokenKey.Of(entry.Token), entry)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>Adds an entry when there is room or room can be made; otherwise the token is just not cached.</summary>
    public void Add(VerifiedEntry entry, DateTimeOffset now)
    {
        if (!TryReserve() && !(MakeRoom(now) && TryReserve()))
        {
            return;
        }

        entry.LastUsed = Environment.TickCount64;
        entry.Sequence = Interlocked.Increment(ref _sequence);
        if (!_entries.TryAdd(TokenKey.Of(entry.Token), entry))
        {
            // Another caller cached the same token first.
            Interlocked.Decrement(ref _count);
        }
    }

    private bool TryReserve()
    {
        // Never past the capacity, not even for an instant: a slot is taken before the entry is
        // added and given back after it is removed, so the count bounds the entries at all times.
        var count = Volatile.Read(ref _count);
        while (count < _capacity)
        {
            var seen = Interlocked.CompareExchange(ref _count, count + 1, count);
            if (seen == count)
            {
                return true;
            }

            count = seen;
        }

        return false;
    }

    /// <summary>One sweeper at a time; the others skip caching while it runs rather than wait.</summary>
    private bool MakeRoom(DateTimeOffset now)
    {
        if (!_sweepGate.TryEnter())
        {
            return false;
        }

        try
        {
            foreach (var (key, entry) in _entries)
            {
                if (now >= entry.Deadline)
                {
                    RemoveCounted(key, entry);
                }
            }

            var excess = Count - _lowWatermark;
            if (excess <= 0)
            {
                return true;
            }

            // Count never passes the capacity, so this cannot overflow; entries added meanwhile may be left out.
            var snapshot = ArrayPool<VerifiedEntry>.Shared.Rent(Count + 64);
            var n = 0;
            foreach (var (_, entry) in _entries)
            {
                if (n == snapshot.Length)
                {
                    break;
                }

                snapshot[n++] = entry;
            }

            var oldestFirst = snapshot.AsSpan(0, n);
            oldestFirst.Sort(static (a, b) => a.LastUsed != b.LastUsed ? a.LastUsed.CompareTo(b.LastUsed) : a.Sequence.CompareTo(b.Sequence));
            foreach (var entry in oldestFirst[..Math.Min(excess, n)])
            {
                RemoveCounted(TokenKey.Of(entry.Token), entry);
            }

            ArrayPool<VerifiedEntry>.Shared.Return(snapshot, clearArray: true);
            return true;
        }
        finally
        {
            _sweepGate.Exit();
        }
    }

    private void RemoveCounted(TokenKey key, VerifiedEntry entry)
    {
        if (_entries.TryRemove(new KeyValuePair<TokenKey, VerifiedEntry>(key, entry)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private readonly struct TokenKey(string token, int hash)
    {
        public static readonly IEqualityComparer<TokenKey> Comparer = new KeyComparer();

        public string Token { get; } = token;

        public int Hash { get; } = hash;

        public static TokenKey Of(string token) =>
            new(token, string.GetHashCode(token.AsSpan(token.LastIndexOf('.') + 1)));

        private sealed class KeyComparer : IEqualityComparer<TokenKey>
        {
            public bool Equals(TokenKey x, TokenKey y) => x.Hash == y.Hash && string.Equals(x.Token, y.Token, StringComparison.Ordinal);

            public int GetHashCode(TokenKey key) => key.Hash;
        }
    }
}
