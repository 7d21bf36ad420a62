using Cognito.Client.Errors;
using Cognito.Client.Grains;
using Cognito.Client.Model;
using Cognito.Grains.Hosting;
using Cognito.Grains.Logging;
using Cognito.Grains.Pools;
using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Errors;
using Microsoft.Extensions.Logging;

namespace Cognito.Grains.Users;

/// <summary>
/// One user of one pool. It owns the user's session: runs the sign-in, keeps the tokens in
/// persistent state, refreshes them with a grain timer before they expire (or lazily on the next
/// call after the grain was deactivated), and performs the user's Cognito operations with them.
/// Calls are not interleaved, so concurrent callers during a refresh wait for that one refresh.
/// </summary>
public sealed partial class CognitoUserGrain(
    [PersistentState("session", CognitoStorage.Name)] IPersistentState<UserSessionState> state,
    CognitoPoolRegistry pools,
    TimeProvider time,
    ILogger<CognitoUserGrain> logger) : Grain, ICognitoUserGrain, ISessionOwner
{
    // A refresh never comes sooner than this after the last one, however short the tokens live.
    private static readonly TimeSpan MinimumRefreshDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaximumRetryDelay = TimeSpan.FromMinutes(5);

    private string _key = string.Empty;
    private string _poolName = string.Empty;
    private string _keyUsername = string.Empty;
    private string? _normalizedKey;
    private DateTimeOffset _linkConfirmedUntil;
    private IGrainTimer? _refreshTimer;
    private int _refreshFailures;

    private UserSessionState State => state.State;

    private CognitoPool? _pool;

    private CognitoPool Pool => _pool ??= pools.Get(_poolName);

    /// <summary>The username Cognito calls should carry: the internal one once known, else the key's.</summary>
    private string Username => State.Username ?? _keyUsername;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = this.GetPrimaryKeyString();
        (_poolName, _keyUsername) = GrainKeys.ParseUser(_key);
        if (State.Tokens is not null)
        {
            ScheduleRefresh();
        }

        return Task.CompletedTask;
    }

    public async Task AdoptAsync(string username, StoredTokens? tokens, StoredChallenge? challenge, StoredDevice? newDevice)
    {
        State.Username = username;
        State.OwnerKey = null;
        if (tokens is not null)
        {
            State.Tokens = tokens;
            State.Challenge = null;
            State.NewDevice = newDevice;
        }
        else
        {
            State.Challenge = challenge;
        }

        await SaveAsync();
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
                    State.Username = succeeded.Username;
                    State.Tokens = tokens;
                    State.Challenge = null;
                    State.NewDevice = device;
                    await SaveAsync();
                    _refreshFailures = 0;
                    ScheduleRefresh();
                }

                GrainLog.SignedIn(logger, owner);
                var newDevice = device is null ? null : new DeviceInfo(device.DeviceKey, null, false, null, new Dictionary<string, string>());
                return SignInResult.SignedIn(succeeded.Username, tokens.ExpiresAt, newDevice);
            }

            case AuthChallenge challenge:
            {
                // Custom-auth triggers get the sign-in's client metadata with every answer, so it stays with the challenge.
                var stored = new StoredChallenge(challenge.ChallengeName, challenge.Session, challenge.Username, new Dictionary<string, string>(challenge.Parameters), challenge.Admin, challenge.ExpiresAt, clientMetadata is null ? null : new Dictionary<string, string>(clientMetadata));
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
        new(challenge.ChallengeName, challenge.Parameters, challenge.RequiredAttributes, challenge.MfaChoices, challenge.ExpiresAt);

    private StoredTokens Store(CognitoTokens tokens) =>
        new(tokens.AccessToken, tokens.IdToken, tokens.RefreshToken, tokens.ExpiresAt, tokens.TokenType);

    private static TokenSet ToTokenSet(StoredTokens tokens) =>
        new(tokens.AccessToken, tokens.IdToken, tokens.RefreshToken, tokens.ExpiresAt, tokens.TokenType);

    private bool IsFresh(StoredTokens tokens) => time.GetUtcNow() + Pool.Options.TokenLeeway < tokens.ExpiresAt;

    /// <summary>Tokens fit to use now: the held ones while fresh (no I/O), else refreshed.</summary>
    private async Task<StoredTokens> EnsureTokensAsync(CancellationToken cancellationToken)
    {
        var tokens = State.Tokens ?? throw new NotSignedInException($"User {_key} is not signed in.");
        return IsFresh(tokens) ? tokens : await RefreshAsync(cancellationToken);
    }

    private async Task<StoredTokens> RefreshAsync(CancellationToken cancellationToken)
    {
        var tokens = State.Tokens ?? throw new NotSignedInException($"User {_key} is not signed in.");
        if (tokens.RefreshToken is null)
        {
            if (!IsFresh(tokens))
            {
                await EndSessionAsync();
                throw new NotSignedInException($"User {_key}'s tokens expired and there is no refresh token.");
            }

            return tokens;
        }

        AuthSucceeded refreshed;
        try
        {
            refreshed = await Pool.Authenticator.RefreshAsync(tokens.RefreshToken, Username, State.Device?.DeviceKey, Pool.Options.UseRefreshTokenRotation, admin: false, cancellationToken);
        }
        catch (CognitoServiceException e) when (e is NotAuthorizedException or UserNotFoundException or RefreshTokenReuseException)
        {
            await EndSessionAsync();
            GrainLog.SessionEnded(logger, _key, e.ErrorCode);
            throw new NotSignedInException($"User {_key}'s session has ended: Cognito refused the refresh token ({e.ErrorCode}).");
        }

        // With rotation the old refresh token dies within the grace period: persist the new one before anything else.
        var fresh = Store(refreshed.Tokens);
        State.Tokens = fresh;
        await SaveAsync();
        _refreshFailures = 0;
        ScheduleRefresh();
        GrainLog.Refreshed(logger, _key, fresh.ExpiresAt);
        return fresh;
    }

    // A write that has started is never abandoned halfway, whatever the caller cancels.
    private Task SaveAsync() => state.WriteStateAsync(CancellationToken.None);

    private async Task EndSessionAsync()
    {
        State.Tokens = null;
        State.Challenge = null;
        State.NewDevice = null;
        CancelRefresh();
        await SaveAsync();
    }

    private void ScheduleRefresh(TimeSpan? after = null)
    {
        CancelRefresh();
        if (State.Tokens is not { RefreshToken: not null } tokens)
        {
            return;
        }

        var due = after ?? RefreshDelay(tokens.ExpiresAt - time.GetUtcNow());
        _refreshTimer = this.RegisterGrainTimer(
            static (grain, cancellationToken) => grain.OnRefreshTimerAsync(cancellationToken),
            this,
            new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = false, Interleave = false });
    }

    /// <summary>Refresh <c>RefreshMargin</c> (less jitter) before expiry, or at half-life for tokens that live shorter than that.</summary>
    private TimeSpan RefreshDelay(TimeSpan remaining)
    {
        var options = Pool.Options;
        var lead = options.RefreshMargin + TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * options.RefreshJitter.Ticks));
        if (lead > remaining / 2)
        {
            lead = remaining / 2;
        }

        var due = remaining - lead;
        return due < MinimumRefreshDelay ? MinimumRefreshDelay : due;
    }

    private void CancelRefresh()
    {
        _refreshTimer?.Dispose();
        _refreshTimer = null;
    }

    private async Task OnRefreshTimerAsync(CancellationToken cancellationToken)
    {
        if (State.Tokens is null)
        {
            return;
        }

        try
        {
            await RefreshAsync(cancellationToken);
        }
        catch (NotSignedInException)
        {
            // The session ended; EndSessionAsync already cleared it.
        }
        catch (CognitoException e) when (CognitoTransience.IsTransient(e))
        {
            _refreshFailures++;
            var delay = TimeSpan.FromSeconds(Math.Min(MaximumRetryDelay.TotalSeconds, Math.Pow(2, _refreshFailures)));
            if (State.Tokens is { } tokens && time.GetUtcNow() + delay < tokens.ExpiresAt)
            {
                GrainLog.RefreshRetry(logger, _key, e.ErrorCode, delay);
                ScheduleRefresh(delay);
            }

            // Past expiry the next call refreshes lazily instead.
        }
    }
}
