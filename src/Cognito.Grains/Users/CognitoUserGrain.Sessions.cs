using Cognito.Client.Errors;
using Cognito.Client.Grains;
using Cognito.Client.Model;
using Cognito.IdentityProvider.Errors;

namespace Cognito.Grains.Users;

/// <summary>
/// Many sessions per user. Each session key holds one session like a user key does (its own
/// tokens, refresh, timer and device) and tells the user's own key when it starts and ends, so the
/// user's key can list them, end one (RevokeToken), and end all after a GlobalSignOut. The user's
/// key awaits its session keys; session keys only send it one-way notices (<see cref="ISessionRegistry"/>).
/// </summary>
internal sealed partial class CognitoUserGrain : ISessionRegistry, ISessionMember
{
    private bool IsSessionKey => _sessionHandle is not null;

    private async Task<ISessionRegistry> RegistryAsync(string username, CancellationToken cancellationToken) =>
        GrainFactory.GetGrain<ISessionRegistry>(await UserKeyForAsync(username, cancellationToken));

    /// <summary>A session key's sign-in succeeded: the user's key learns of it before the tokens are kept.</summary>
    private async Task JoinUserAsync(string username, StoredTokens tokens)
    {
        if (!IsSessionKey)
        {
            return;
        }

        if (State.Tokens is not null && State.Username is { } held && held != username)
        {
            // A session id names one sign-in: it never changes hands to another user.
            throw new TokensForAnotherUserException("This session key already holds another user's session; start a new session id.");
        }

        var createdAt = State.Tokens is null ? time.GetUtcNow() : State.SessionCreatedAt ?? time.GetUtcNow();
        State.SessionCreatedAt = createdAt;
        var facts = TokenFacts.Of(tokens);
        await (await RegistryAsync(username, CancellationToken.None)).JoinAsync(_sessionHandle!, createdAt, facts.Subject, facts.Lifetime);
    }

    /// <summary>A session key's session ended here: the user's key forgets it (a listing also prunes ended ones).</summary>
    private async Task LeaveUserAsync()
    {
        if (!IsSessionKey || State.Username is not { } username)
        {
            return;
        }

        await (await RegistryAsync(username, CancellationToken.None)).LeaveAsync(_sessionHandle!);
    }

    /// <summary>After a GlobalSignOut or AdminUserGlobalSignOut: this session and every other of the user end here.</summary>
    private async Task EndEverywhereAsync(string? subject)
    {
        var signedOut = SignedOutEntry(subject);
        if (IsSessionKey)
        {
            await EndSessionAsync(tellUser: false);
            if (State.Username is { } username)
            {
                await (await RegistryAsync(username, CancellationToken.None)).ForgetAllAsync(_sessionHandle!);
            }
        }
        else
        {
            await EndSessionAsync();
            await ForgetAllAsync(string.Empty);
        }

        await PublishAsync(signedOut);
    }

    public async Task JoinAsync(string handle, DateTimeOffset createdAt, string? subject, TimeSpan? tokenLifetime)
    {
        (State.Sessions ??= new(StringComparer.Ordinal))[handle] = createdAt;
        Learn(subject, tokenLifetime);
        await EndSessionsBeyondMaximumAsync(handle);
        await SaveAsync();
    }

    public async Task LeaveAsync(string handle)
    {
        if (State.Sessions?.Remove(handle) == true)
        {
            await SaveAsync();
        }
    }

    public async Task ForgetAllAsync(string exceptHandle)
    {
        if (State.Sessions is not { Count: > 0 } sessions)
        {
            return;
        }

        // Cognito already ended them all: nothing to revoke, only local state to clear.
        await Task.WhenAll(sessions.Keys.Where(h => h != exceptHandle).Select(h => Member(h).EndAsync(revoke: false, CancellationToken.None)));
        State.Sessions = null;
        await SaveAsync();
    }

    public async Task<SessionSummary?> DescribeAsync()
    {
        if (ExpiredLimit(time.GetUtcNow()) is { } limit)
        {
            await EndExpiredAsync(limit);
        }

        return State.Tokens is { } tokens && _sessionHandle is { } handle
            ? new SessionSummary(handle, State.SessionCreatedAt ?? default, tokens.ExpiresAt, State.Device?.DeviceKey, LastCall, State.Client?.DeviceName, State.Client?.UserAgent, State.Client?.IpAddress)
            : null;
    }

    public async Task EndAsync(bool revoke, CancellationToken cancellationToken)
    {
        // Without revoke the user signed out everywhere, which the log already has as one entry.
        var ended = revoke && State.Tokens is not null ? RevokedEntries() : [];
        if (revoke)
        {
            await RevokeRefreshTokenAsync(cancellationToken);
        }

        if (State.Tokens is not null || State.Challenge is not null)
        {
            await EndSessionAsync(tellUser: false);
        }

        await PublishAsync(ended);
    }

    public async Task<string?> LendAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (ExpiredLimit(time.GetUtcNow()) is { } limit)
        {
            await EndExpiredAsync(limit);
        }

        if (State.Tokens is null)
        {
            return null;
        }

        try
        {
            return (await EnsureTokensAsync(cancellationToken)).AccessToken;
        }
        catch (NotSignedInException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<SessionSummary>> ListSessionsAsync(CancellationToken cancellationToken = default)
    {
        RequireUserKey();
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            return await owner.ListSessionsAsync(cancellationToken);
        }

        if (State.Sessions is not { Count: > 0 } sessions)
        {
            return [];
        }

        var handles = sessions.Keys.ToList();
        var summaries = await Task.WhenAll(handles.Select(h => Member(h).DescribeAsync()));
        var ended = handles.Where((_, i) => summaries[i] is null).ToList();
        if (ended.Count > 0)
        {
            // A session that ended without telling (its state was lost or it ended on its own) is pruned here.
            ended.ForEach(h => sessions.Remove(h));
            await SaveAsync();
        }

        return summaries.OfType<SessionSummary>().OrderBy(s => s.CreatedAt).ToList();
    }

    public async Task EndSessionAsync(string handle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handle);
        RequireUserKey();
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.EndSessionAsync(handle, cancellationToken);
            return;
        }

        if (State.Sessions?.ContainsKey(handle) != true)
        {
            return;
        }

        await Member(handle).EndAsync(revoke: true, cancellationToken);
        State.Sessions.Remove(handle);
        await SaveAsync();
    }

    /// <summary>An access token for a user-wide call on the user's key: its own session's, else one of its sessions'.</summary>
    private async Task<string?> UserWideAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (State.Tokens is not null)
        {
            return (await EnsureTokensAsync(cancellationToken)).AccessToken;
        }

        foreach (var handle in State.Sessions?.Keys.ToList() ?? [])
        {
            if (await Member(handle).LendAccessTokenAsync(cancellationToken) is { } token)
            {
                return token;
            }
        }

        return null;
    }

    private ISessionMember Member(string handle) =>
        GrainFactory.GetGrain<ISessionMember>(CognitoSessions.KeyOf(_key, handle));

    private void RequireUserKey()
    {
        if (IsSessionKey)
        {
            throw new InvalidParameterException("Sessions are listed and ended on the user's own key, not on a session key.");
        }
    }
}
