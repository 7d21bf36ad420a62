using Cognito.Client.Grains;
using Cognito.Grains.Logging;
using Cognito.IdentityProvider.Errors;

namespace Cognito.Grains.Users;

/// <summary>
/// The pool's session limits (<c>Sessions:MaxPerUser</c>, <c>IdleLifetime</c>, <c>AbsoluteLifetime</c>),
/// for session keys. The user's key ends the oldest sessions beyond the maximum when a new one
/// joins; a session past its idle or absolute lifetime ends at its next call (which then finds no
/// session) or at its refresh timer's tick (which then does not refresh). Both end it as
/// <c>EndSessionAsync</c> does: RevokeToken, and an entry in the ended-sessions log.
/// </summary>
internal sealed partial class CognitoUserGrain
{
    private static readonly TimeSpan LastUsedWriteInterval = TimeSpan.FromMinutes(5);

    // When a caller last used this session key; kept in memory on every call, persisted at most every few minutes.
    private DateTimeOffset _lastCall;

    /// <summary>A caller used this session key: past a limit it ends first, then the call goes on against what is left.</summary>
    private async Task OnSessionCallAsync()
    {
        var now = time.GetUtcNow();
        if (ExpiredLimit(now) is { } limit)
        {
            await EndExpiredAsync(limit);
        }

        _lastCall = now;
        if (State.Tokens is not null && (State.LastUsedAt is not { } written || now - written >= LastUsedWriteEvery()))
        {
            State.LastUsedAt = now;
            await SaveAsync();
        }
    }

    private TimeSpan LastUsedWriteEvery() =>
        Pool.Options.Sessions.IdleLifetime is { } idle && idle / 4 < LastUsedWriteInterval ? idle / 4 : LastUsedWriteInterval;

    /// <summary>Which limit this session key's session has passed, if any.</summary>
    private string? ExpiredLimit(DateTimeOffset now)
    {
        if (!IsSessionKey || State.Tokens is null)
        {
            return null;
        }

        var limits = Pool.Options.Sessions;
        if (limits.AbsoluteLifetime is { } absolute && State.SessionCreatedAt is { } created && now - created >= absolute)
        {
            return "absolute lifetime";
        }

        return limits.IdleLifetime is { } idle && now - LastCall >= idle ? "idle lifetime" : null;
    }

    private DateTimeOffset LastCall => _lastCall != default ? _lastCall : State.LastUsedAt ?? State.SessionCreatedAt ?? time.GetUtcNow();

    /// <summary>Ends a session past a limit as EndSessionAsync does; a RevokeToken that fails still ends it here.</summary>
    private async Task EndExpiredAsync(string limit)
    {
        var ended = RevokedEntries();
        try
        {
            await RevokeRefreshTokenAsync(CancellationToken.None);
        }
        catch (CognitoException e)
        {
            // The grain forgets the refresh token either way, so nothing of ours can use it again.
            GrainLog.OldestSessionNotEnded(logger, _key, e.ErrorCode);
        }

        await EndSessionAsync();
        await PublishAsync(ended);
        GrainLog.SessionLimitReached(logger, _key, limit);
    }

    /// <summary>On the user's key, after a session joined: the oldest others end until the user holds at most the maximum.</summary>
    private async Task EndSessionsBeyondMaximumAsync(string joined)
    {
        var max = Pool.Options.Sessions.MaxPerUser;
        if (max <= 0 || State.Sessions is not { } sessions || sessions.Count <= max)
        {
            return;
        }

        var oldest = sessions.Where(s => s.Key != joined).OrderBy(s => s.Value).Take(sessions.Count - max).Select(s => s.Key).ToList();
        foreach (var handle in oldest)
        {
            try
            {
                await Member(handle).EndAsync(revoke: true, CancellationToken.None);
                sessions.Remove(handle);
                GrainLog.SessionLimitReached(logger, CognitoSessions.KeyOf(_key, handle), "per-user maximum");
            }
            catch (CognitoException e)
            {
                GrainLog.OldestSessionNotEnded(logger, _key, e.ErrorCode);
            }
        }
    }
}
