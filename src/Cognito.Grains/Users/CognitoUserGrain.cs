using Cognito.Client.Errors;
using Cognito.Client.Grains;
using Cognito.Client.Model;
using Cognito.Grains.Hosting;
using Cognito.Grains.Logging;
using Cognito.Grains.Pools;
using Cognito.Grains.Refresh;
using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Errors;
using Microsoft.Extensions.Logging;

namespace Cognito.Grains.Users;

/// <summary>
/// One user of one pool. It owns the user's session: runs the sign-in, keeps the tokens in
/// persistent state, refreshes them with a grain timer before they expire (or lazily on the next
/// call after the grain was deactivated), within the silo's refresh budget, and performs the
/// user's Cognito operations with them. Calls are not interleaved, so concurrent callers during a
/// refresh wait for that one refresh.
/// </summary>
internal sealed partial class CognitoUserGrain(
    [PersistentState("session", CognitoStorage.Name)] IPersistentState<UserSessionState> state,
    CognitoPoolRegistry pools,
    RefreshBudgets budgets,
    TimeProvider time,
    ILogger<CognitoUserGrain> logger) : Grain, ICognitoUserGrain, ISessionOwner
{
    private string _key = string.Empty;
    private string _poolName = string.Empty;
    private string _keyUsername = string.Empty;
    private string? _normalizedKey;
    // Set on a session key ({pool}/{username} #{handle}): this activation holds one of the user's many sessions.
    private string? _sessionHandle;
    private DateTimeOffset _linkConfirmedUntil;

    private UserSessionState State => state.State;

    private CognitoPool? _pool;

    private CognitoPool Pool => _pool ??= pools.Get(_poolName);

    /// <summary>The username Cognito calls should carry: the internal one once known, else the key's.</summary>
    private string Username => State.Username ?? _keyUsername;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = this.GetPrimaryKeyString();
        var (userKey, handle) = CognitoSessions.Split(_key);
        (_poolName, _keyUsername) = GrainKeys.ParseUser(userKey);
        _sessionHandle = handle;
        // A grain activates for a call: its session is in use.
        _lastUsed = time.GetUtcNow();
        if (State.Tokens is not null)
        {
            ScheduleRefresh();
        }

        TrackSession();
        return Task.CompletedTask;
    }

    public async Task AdoptAsync(string username, StoredTokens? tokens, StoredChallenge? challenge, StoredDevice? newDevice)
    {
        State.Username = username;
        State.OwnerKey = null;
        if (tokens is not null)
        {
            await JoinUserAsync(username, tokens);
            Hold(tokens);
            State.Challenge = null;
            State.NewDevice = newDevice;
        }
        else
        {
            State.Challenge = challenge;
        }

        await SaveAsync();
        _lastUsed = time.GetUtcNow();
        ScheduleRefresh();
    }

    /// <summary>Takes the outcome of a sign-in step: keeps it, or hands it to the grain of the internal username.</summary>
    private async Task<SignInResult> AcceptAsync(AuthStep step, IReadOnlyDictionary<string, string>? clientMetadata, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case AuthSucceeded succeeded:
            {
                var tokens = Store(succeeded.Tokens);
                var device = succeeded.Tokens.NewDevice is { } d ? new StoredDevice(d.DeviceKey, d.DeviceGroupKey, null) : null;
                var owner = await OwnerKeyForAsync(succeeded.Username, cancellationToken);
                if (owner != _key)
                {
                    await HandOverAsync(owner, succeeded.Username, tokens, null, device);
                }
                else
                {
                    await JoinUserAsync(succeeded.Username, tokens);
                    State.Username = succeeded.Username;
                    Hold(tokens);
                    State.Challenge = null;
                    State.NewDevice = device;
                    await SaveAsync();
                    _refreshFailures = 0;
                    _lastUsed = time.GetUtcNow();
                    ScheduleRefresh();
                }

                GrainLog.SignedIn(logger, owner);
                var newDevice = device is null ? null : new DeviceInfo(device.DeviceKey, null, false, null, new Dictionary<string, string>());
                return SignInResult.SignedIn(succeeded.Username, tokens.ExpiresAt, newDevice);
            }

            case AuthChallenge challenge:
            {
                // Custom-auth triggers get the sign-in's client metadata with every answer, so it stays with the challenge.
                CountChallenge(challenge.ChallengeName);
                var stored = new StoredChallenge(challenge.ChallengeName, challenge.Session, challenge.Username, new Dictionary<string, string>(challenge.Parameters), challenge.Admin, challenge.ExpiresAt, clientMetadata is null ? null : new Dictionary<string, string>(clientMetadata), challenge.AvailableChallenges?.ToList());
                var owner = await OwnerKeyForAsync(challenge.Username, cancellationToken);
                if (owner != _key)
                {
                    await HandOverAsync(owner, challenge.Username, null, stored, null);
                }
                else
                {
                    State.Username = challenge.Username;
                    State.Challenge = stored;
                    await SaveAsync();
                }

                return SignInResult.ChallengeRequired(challenge.Username, ToPending(challenge));
            }

            default:
                throw new InvalidOperationException("Unknown sign-in step.");
        }
    }

    private async Task HandOverAsync(string owner, string username, StoredTokens? tokens, StoredChallenge? challenge, StoredDevice? newDevice)
    {
        // The owner takes the session first: if that fails, nothing is lost here.
        await GrainFactory.GetGrain<ISessionOwner>(owner).AdoptAsync(username, tokens, challenge, newDevice);
        State.OwnerKey = owner;
        _linkConfirmedUntil = time.GetUtcNow() + Pool.Options.AliasRecheckInterval;
        State.Username = username;
        State.Tokens = null;
        State.Challenge = null;
        State.NewDevice = null;
        await SaveAsync();
        CancelRefresh();
        GrainLog.HandedOver(logger, _key, owner);
    }

    private static PendingChallenge ToPending(AuthChallenge challenge) =>
        new(challenge.ChallengeName, challenge.Parameters, challenge.RequiredAttributes, challenge.MfaChoices, challenge.ExpiresAt, challenge.AvailableChallenges);

    private StoredTokens Store(CognitoTokens tokens) =>
        new(tokens.AccessToken, tokens.IdToken, tokens.RefreshToken, tokens.ExpiresAt, tokens.TokenType);

    private static TokenSet ToTokenSet(StoredTokens tokens) =>
        new(tokens.AccessToken, tokens.IdToken, tokens.RefreshToken, tokens.ExpiresAt, tokens.TokenType);

    // A write that has started is never abandoned halfway, whatever the caller cancels.
    // Every change of the session passes here, so the active-session count follows it here.
    private async Task SaveAsync()
    {
        if (IsSessionKey && State.Tokens is not null && _lastCall > (State.LastUsedAt ?? default))
        {
            // Any write carries the last use along, so the timed write in OnSessionCallAsync is rarely needed.
            State.LastUsedAt = _lastCall;
        }

        await state.WriteStateAsync(CancellationToken.None);
        TrackSession();
    }

    private async Task EndSessionAsync(bool tellUser = true)
    {
        State.Tokens = null;
        State.Challenge = null;
        State.NewDevice = null;
        State.TokenMarks = null;
        State.LastUsedAt = null;
        State.Client = null;
        CancelRefresh();
        await SaveAsync();
        if (tellUser)
        {
            await LeaveUserAsync();
        }
    }
}
