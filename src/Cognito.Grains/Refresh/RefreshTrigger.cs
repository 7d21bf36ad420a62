namespace Cognito.Grains.Refresh;

/// <summary>What made a grain refresh its tokens; the values are the <c>cognito.trigger</c> tag.</summary>
internal static class RefreshTrigger
{
    /// <summary>The grain's timer, ahead of expiry.</summary>
    public const string Timer = "timer";

    /// <summary>A caller whose tokens were no longer usable.</summary>
    public const string Lazy = "lazy";

    /// <summary>A caller that asked for new tokens (<c>RenewAccessTokenAsync</c>).</summary>
    public const string Forced = "forced";
}
