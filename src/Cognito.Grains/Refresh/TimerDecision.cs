namespace Cognito.Grains.Refresh;

/// <summary>What a refresh timer does: refresh now, come back later, or leave the refresh to the session's next use.</summary>
internal readonly record struct TimerDecision(TimerAction Action, TimeSpan After)
{
    public static TimerDecision Refresh { get; } = new(TimerAction.Refresh, TimeSpan.Zero);

    public static TimerDecision OnNextUse { get; } = new(TimerAction.OnNextUse, TimeSpan.Zero);

    public static TimerDecision Reschedule(TimeSpan after) => new(TimerAction.Reschedule, after);
}

internal enum TimerAction
{
    Refresh,
    Reschedule,
    OnNextUse,
}
