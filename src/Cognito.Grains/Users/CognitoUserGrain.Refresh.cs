using Cognito.Client.Errors;
using Cognito.Grains.Logging;
using Cognito.Grains.Refresh;
using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Errors;

namespace Cognito.Grains.Users;

/// <summary>
/// Keeping the tokens fresh within the silo's refresh budget: callers get held tokens while they
/// are usable; a caller with unusable tokens refreshes first; the timer refreshes ahead of expiry
/// in a slot the budget has free or books a moment ahead, and leaves idle sessions to their next
/// use when it is short.
/// </summary>
internal sealed partial class CognitoUserGrain
{
    private IGrainTimer? _refreshTimer;
    // The tokens whose refresh holds a slot booked in the budget: the timer then refreshes without asking again.
    private StoredTokens? _bookedFor;
    private int _refreshFailures;
    private DateTimeOffset _lastUsed;
    private RefreshPolicy? _policy;

    private RefreshPolicy Policy => _policy ??= new RefreshPolicy(Pool.Options.TokenLeeway, Pool.Options.RefreshMargin, Pool.Options.RefreshJitter, budgets.Options);

    private RefreshBudget? Budget => budgets.For(Pool.Options.UseRefreshTokenRotation ? "GetTokensFromRefreshToken" : "InitiateAuth");

    /// <summary>The session's tokens, whatever their age; a grain without a session says so.</summary>
    private StoredTokens HeldTokens => State.Tokens ?? throw new NotSignedInException($"User {_key} is not signed in.");

    private bool IsFresh(StoredTokens tokens) => Policy.IsUsable(tokens.ExpiresAt, time.GetUtcNow());

    /// <summary>Tokens fit to use now: the held ones while usable (no I/O), else refreshed.</summary>
    private async Task<StoredTokens> EnsureTokensAsync(CancellationToken cancellationToken)
    {
        _lastUsed = time.GetUtcNow();
        var tokens = HeldTokens;
        return IsFresh(tokens) ? tokens : await RefreshAsync(RefreshTrigger.Lazy, cancellationToken);
    }

    /// <summary>A caller's refresh: it books the budget's next slot, ahead of every timer, and waits for it.</summary>
    private async Task<StoredTokens> RefreshAsync(string trigger, CancellationToken cancellationToken)
    {
        _lastUsed = time.GetUtcNow();
        if (HeldTokens.HasRefreshToken)
        {
            var budget = Budget;
            var grant = RefreshPolicy.OnCaller(budget);
            if (!grant.Granted)
            {
                // Transient like Cognito's own throttling, so callers retry it the same way.
                throw new TooManyRequestsException($"The silo's refresh budget has no slot within {budgets.Options.MaxWait}; try again shortly.");
            }

            if (grant.Wait > TimeSpan.Zero)
            {
                await Task.Delay(grant.Wait, budget!.Time, cancellationToken);
            }
        }

        return await RefreshNowAsync(trigger, cancellationToken);
    }

    /// <summary>The Cognito call, its slot already granted.</summary>
    private async Task<StoredTokens> RefreshNowAsync(string trigger, CancellationToken cancellationToken)
    {
        var tokens = HeldTokens;
        if (tokens.RefreshToken is not { } refreshToken)
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
            refreshed = await MeasureRefreshAsync(trigger, () => Pool.Authenticator.RefreshAsync(refreshToken, Username, State.Device?.DeviceKey, Pool.Options.UseRefreshTokenRotation, admin: false, cancellationToken));
        }
        catch (CognitoServiceException e) when (e is NotAuthorizedException or UserNotFoundException or RefreshTokenReuseException)
        {
            await EndSessionAsync();
            GrainLog.SessionEnded(logger, _key, e.ErrorCode);
            throw new NotSignedInException($"User {_key}'s session has ended: Cognito refused the refresh token ({e.ErrorCode}).");
        }
        catch (TooManyRequestsException)
        {
            // The account's quota is tighter than the budget thinks: the budget shrinks, for every grain of this silo.
            Budget?.OnThrottled();
            throw;
        }

        // With rotation the old refresh token dies within the grace period: persist the new one before anything else.
        var fresh = Store(refreshed.Tokens);
        Hold(fresh);
        await SaveAsync();
        _refreshFailures = 0;
        ScheduleRefresh();
        GrainLog.Refreshed(logger, _key, fresh.ExpiresAt);
        return fresh;
    }

    private void ScheduleRefresh(TimeSpan? after = null, bool booked = false)
    {
        CancelRefresh();
        if (State.Tokens is not { HasRefreshToken: true } tokens)
        {
            return;
        }

        _bookedFor = booked ? tokens : null;

        var due = after ?? Policy.RefreshDelay(tokens.ExpiresAt, time.GetUtcNow(), Random.Shared.NextDouble());
        _refreshTimer = this.RegisterGrainTimer(
            static (grain, cancellationToken) => grain.OnRefreshTimerAsync(cancellationToken),
            this,
            new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = false, Interleave = false });
    }

    private void CancelRefresh()
    {
        _refreshTimer?.Dispose();
        _refreshTimer = null;
        _bookedFor = null;
    }

    private async Task OnRefreshTimerAsync(CancellationToken cancellationToken)
    {
        if (State.Tokens is not { } tokens)
        {
            return;
        }

        if (ExpiredLimit(time.GetUtcNow()) is { } limit)
        {
            // A session past its idle or absolute lifetime is never refreshed again: it ends here.
            await EndExpiredAsync(limit);
            return;
        }

        // A tick of a timer replaced since (a caller refreshed meanwhile) finds other tokens and asks the budget afresh.
        var decision = ReferenceEquals(_bookedFor, tokens)
            ? TimerDecision.Refresh
            : Policy.OnTimer(tokens.ExpiresAt, _lastUsed, time.GetUtcNow(), Budget, Random.Shared.NextDouble());
        _bookedFor = null;
        switch (decision.Action)
        {
            case TimerAction.RefreshBooked:
                // The slot is a moment ahead: wait for it on a timer, not inside this turn, so callers go on being served.
                ScheduleRefresh(decision.After, booked: true);
                return;
            case TimerAction.Reschedule:
                GrainLog.RefreshDeferred(logger, _key, decision.After);
                ScheduleRefresh(decision.After);
                return;
            case TimerAction.OnNextUse:
                // The next caller refreshes, first in line; until then the session costs no quota.
                CancelRefresh();
                return;
        }

        try
        {
            await RefreshNowAsync(RefreshTrigger.Timer, cancellationToken);
        }
        catch (NotSignedInException)
        {
            // The session ended; EndSessionAsync already cleared it.
        }
        catch (CognitoException e) when (CognitoTransience.IsTransient(e))
        {
            _refreshFailures++;
            if (State.Tokens is { } held && RefreshPolicy.OnTransientFailure(held.ExpiresAt, time.GetUtcNow(), _refreshFailures) is { Action: TimerAction.Reschedule } retry)
            {
                GrainLog.RefreshRetry(logger, _key, e.ErrorCode, retry.After);
                ScheduleRefresh(retry.After);
            }

            // Past expiry the next call refreshes lazily instead.
        }
    }
}
