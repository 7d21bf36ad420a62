namespace Cognito.Grains.Refresh;

/// <summary>
/// When a session's tokens are refreshed, and what a caller gets meanwhile — the decisions the
/// user grain makes, in one plain class so a simulation can run exactly them. A caller is handed
/// its tokens while they are usable (even if a refresh is due and the budget deferred it); only
/// a caller with unusable tokens refreshes, ahead of every timer. Timers refresh sessions in use
/// before expiry in a slot free now or booked a moment ahead, idle sessions only when the budget
/// has room to spare.
/// </summary>
internal sealed class RefreshPolicy(TimeSpan tokenLeeway, TimeSpan refreshMargin, TimeSpan refreshJitter, RefreshBudgetOptions budgetOptions)
{
    private static readonly TimeSpan MaximumRetryDelay = TimeSpan.FromMinutes(5);

    // A refresh never comes sooner than this after the last one, however short the tokens live.
    private static readonly TimeSpan MinimumRefreshDelay = TimeSpan.FromSeconds(1);

    /// <summary>Whether tokens that expire at <paramref name="expiresAt"/> may be handed out at <paramref name="now"/>.</summary>
    public bool IsUsable(DateTimeOffset expiresAt, DateTimeOffset now) => now + tokenLeeway < expiresAt;

    /// <summary>When the timer should refresh: <c>RefreshMargin</c> (less jitter) before expiry, or at half-life for tokens that live shorter than that.</summary>
    public TimeSpan RefreshDelay(DateTimeOffset expiresAt, DateTimeOffset now, double random)
    {
        var remaining = expiresAt - now;
        var lead = refreshMargin + TimeSpan.FromTicks((long)(random * refreshJitter.Ticks));
        if (lead > remaining / 2)
        {
            lead = remaining / 2;
        }

        var due = remaining - lead;
        return due < MinimumRefreshDelay ? MinimumRefreshDelay : due;
    }

    /// <summary>A caller's tokens are unusable (or it asked for new ones): it books the budget's next slot, ahead of every timer.</summary>
    public static RefreshGrant OnCaller(RefreshBudget? budget) => budget?.Request(RefreshPriority.Caller) ?? RefreshGrant.Now;

    /// <summary>What the refresh timer does when it fires.</summary>
    public TimerDecision OnTimer(DateTimeOffset expiresAt, DateTimeOffset lastUsed, DateTimeOffset now, RefreshBudget? budget, double random)
    {
        // A tick that was already queued when a caller refreshed finds tokens far from expiry.
        if (expiresAt - now > refreshMargin + refreshJitter)
        {
            return TimerDecision.Reschedule(RefreshDelay(expiresAt, now, random));
        }

        if (budget is null)
        {
            return TimerDecision.Refresh;
        }

        var priority = now - lastUsed <= budgetOptions.IdleAfter ? RefreshPriority.Active : RefreshPriority.Idle;
        var grant = budget.Request(priority);
        if (grant.Granted)
        {
            return grant.Wait > TimeSpan.Zero ? TimerDecision.RefreshAfter(grant.Wait) : TimerDecision.Refresh;
        }

        // An idle session does not compete with sessions in use for a short budget.
        if (priority == RefreshPriority.Idle && grant.Short)
        {
            return TimerDecision.OnNextUse;
        }

        // Come back while the tokens are still usable: the spread shrinks as expiry nears, so a
        // deferred session asks again (more than once if need be) before its tokens expire.
        var usableFor = expiresAt - tokenLeeway - now;
        if (usableFor <= grant.Wait)
        {
            return TimerDecision.OnNextUse;
        }

        var spread = TimeSpan.FromTicks(Math.Min(budgetOptions.DeferSpread.Ticks, (usableFor - grant.Wait).Ticks / 2));
        return TimerDecision.Reschedule(grant.Wait + TimeSpan.FromTicks((long)(random * spread.Ticks)));
    }

    /// <summary>
    /// The timer's refresh failed transiently for the <paramref name="failures"/>th time in a row:
    /// try again after an exponential back-off while the tokens last, else on the next use.
    /// </summary>
    public static TimerDecision OnTransientFailure(DateTimeOffset expiresAt, DateTimeOffset now, int failures)
    {
        var delay = TimeSpan.FromSeconds(Math.Min(MaximumRetryDelay.TotalSeconds, Math.Pow(2, failures)));
        return now + delay < expiresAt ? TimerDecision.Reschedule(delay) : TimerDecision.OnNextUse;
    }
}
