using Cognito.Client.Errors;
using Cognito.Client.Grains;
using Cognito.Client.Model;
using Cognito.Grains.Hosting;
using Cognito.Grains.Logging;
using Cognito.Grains.Pools;
using Cognito.Grains.Users;
using Cognito.IdentityProvider.Errors;
using Microsoft.Extensions.Logging;

namespace Cognito.Grains.Revocation;

/// <summary>
/// The ended-sessions log of one pool (key: the pool's name). User grains add an entry when a
/// session ends through them; front ends poll <see cref="IEndedSessionsGrain.GetSinceAsync"/> with
/// the last version they saw. An entry is dropped once its <see cref="EndedSession.KeepUntil"/> has
/// passed (no token it matches is still valid), and the oldest are dropped beyond the pool's
/// <c>Sessions:EndedLogCapacity</c>; a poller that had not read those gets an incomplete page.
/// </summary>
internal sealed class EndedSessionsGrain(
    [PersistentState("ended", CognitoStorage.Name)] IPersistentState<EndedSessionsState> state,
    CognitoPoolRegistry pools,
    TimeProvider time,
    ILogger<EndedSessionsGrain> logger) : Grain, IEndedSessionsGrain, IEndedSessionsLog, IIncomingGrainCallFilter
{
    private const int MaxEntriesPerAdd = 64;
    private const int MaxClaimLength = 256;

    private CognitoPool? _pool;
    private GrainType? _userGrainType;

    private EndedSessionsState State => state.State;

    private CognitoPool Pool => _pool ??= pools.Get(this.GetPrimaryKeyString());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Unreadable is { } fault)
        {
            StorageLog.UnreadableLogReset(logger, this.GetPrimaryKeyString(), fault);
            state.State = new EndedSessionsState();
        }

        if (State.Version == 0)
        {
            // A log that starts over starts above every version an earlier log of this pool handed out.
            State.Version = State.DroppedThrough = time.GetUtcNow().ToUnixTimeMilliseconds();
        }

        return Task.CompletedTask;
    }

    public Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Any client can name this key: only the silo's user grains may add, or anyone could sign others out of every front end.
        _userGrainType ??= GrainFactory.GetGrain<ISessionMember>("-").GetGrainId().Type;
        if (context.InterfaceMethod.DeclaringType == typeof(IEndedSessionsLog) && context.SourceId?.Type != _userGrainType)
        {
            throw new InternalCallRefusedException($"{context.InterfaceMethod.Name} on the ended-sessions log of {this.GetPrimaryKeyString()} is for the silo's own user grains.");
        }

        return context.Invoke();
    }

    public Task<EndedSessionsPage> GetSinceAsync(long version, CancellationToken cancellationToken = default)
    {
        _ = Pool;
        Prune();
        var complete = version == 0 || (version >= State.DroppedThrough && version <= State.Version);
        var entries = State.Entries;
        var from = complete ? FirstAfter(version) : 0;
        var page = new List<EndedSession>(entries.Count - from);
        for (var i = from; i < entries.Count; i++)
        {
            page.Add(entries[i].Entry);
        }

        return Task.FromResult(new EndedSessionsPage(State.Version, page, complete));
    }

    public async Task AddAsync(IReadOnlyList<EndedSession> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Validate(entries);
        Prune();
        var version = ++State.Version;
        State.Entries.AddRange(entries.Select(e => new LoggedSession(version, e)));
        var excess = State.Entries.Count - Pool.Options.Sessions.EndedLogCapacity;
        if (excess > 0)
        {
            State.DroppedThrough = Math.Max(State.DroppedThrough, State.Entries[excess - 1].Version);
            State.Entries.RemoveRange(0, excess);
        }

        // A write that has started is never abandoned halfway.
        await state.WriteStateAsync(CancellationToken.None);
    }

    // Past KeepUntil no token the entry matches is valid any more, so no poller needs it: dropping it leaves pages complete.
    private void Prune()
    {
        var now = time.GetUtcNow();
        State.Entries.RemoveAll(e => e.Entry.KeepUntil < now);
    }

    private int FirstAfter(long version)
    {
        var entries = State.Entries;
        int low = 0, high = entries.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (entries[mid].Version <= version)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static void Validate(IReadOnlyList<EndedSession> entries)
    {
        if (entries.Count is 0 or > MaxEntriesPerAdd)
        {
            throw new InvalidParameterException($"An addition to the ended-sessions log holds 1 to {MaxEntriesPerAdd} entries.");
        }

        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry);
            string?[] keys = [entry.OriginJti, entry.EventId, entry.Subject];
            if (keys.Count(k => k is not null) != 1 || keys.Any(k => k is { Length: 0 or > MaxClaimLength }))
            {
                throw new InvalidParameterException($"An ended-session entry names exactly one of origin_jti, event_id or sub, of 1 to {MaxClaimLength} characters.");
            }
        }
    }
}
