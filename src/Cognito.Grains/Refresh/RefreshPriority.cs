namespace Cognito.Grains.Refresh;

/// <summary>Who asks the budget for a refresh, most important first.</summary>
internal enum RefreshPriority
{
    /// <summary>A caller whose tokens expired, or who asked for new ones: served first, waiting for a slot if need be.</summary>
    Caller,

    /// <summary>The timer of a session in use: refreshed when a slot is free, else deferred.</summary>
    Active,

    /// <summary>The timer of an idle session: refreshed only when the budget has had room for a while, else left to its next use.</summary>
    Idle,
}
