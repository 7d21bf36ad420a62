namespace Cognito.Grains.Refresh;

/// <summary>
/// What a refresh timer does: refresh now, refresh in a slot it booked a moment ahead, come back
/// later, or leave the refresh to the session's next use.
/// </summary>
internal readonly record struct TimerDecision(TimerAction Action, TimeSpan After)
{
    public static TimerDecision Refresh { get; } = new(TimerAction.Refresh, TimeSpan.Zero);

    public static TimerDecision OnNextUse { get; } = new(TimerAction.OnNextUse, TimeSpan.Zero);

    public static TimerDecision Reschedule(TimeSpan after) => new(TimerAction.Reschedule, after);

    /// <summary>The budget booked a slot <paramref name="after"/> from now: refresh then, without asking it again.</summary>
    public static TimerDecision RefreshAfter(TimeSpan after) => new(TimerAction.RefreshBooked, after);
}

internal enum TimerAction
{
    Refresh,

    /// <summary>Refresh after <see cref="TimerDecision.After"/>, in the slot already booked; the grain stays free for callers meanwhile.</summary>
    RefreshBooked,

    Reschedule,
    OnNextUse,
}
