namespace Cognito.Grains.Refresh;

/// <summary>
/// The budget's answer: go after <see cref="Wait"/> (zero for now), or not — then
/// <see cref="Wait"/> says when a slot may be free, and <see cref="Short"/> whether the refusal
/// is because the budget has lately had less room than it was asked for.
/// </summary>
internal readonly record struct RefreshGrant(bool Granted, TimeSpan Wait, bool Short = false)
{
    public static RefreshGrant Now { get; } = new(true, TimeSpan.Zero);

    public static RefreshGrant After(TimeSpan wait) => new(true, wait);

    public static RefreshGrant Refused(TimeSpan retryAfter, bool isShort = false) => new(false, retryAfter, isShort);
}
