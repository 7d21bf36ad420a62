namespace Cognito.IdentityProvider.Tokens;

/// <summary>
/// Instant-plus-leeway arithmetic that stops at the end of time instead of throwing. Claims, skews
/// and intervals come from tokens and configuration, so a deadline past 9999-12-31 is a normal
/// input here, not a bug: it means "never", and DateTimeOffset.MaxValue says exactly that.
/// </summary>
internal static class SaturatingTime
{
    /// <summary><paramref name="time"/> plus a non-negative <paramref name="span"/> (in UTC), or the end of time when that would pass it.</summary>
    public static DateTimeOffset PlusOrEndOfTime(this DateTimeOffset time, TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(span), "Only non-negative leeways are added here.");
        }

        // In UTC, because a local offset could push the clock time out of range before the instant is.
        var utc = time.ToUniversalTime();
        return span.Ticks > DateTimeOffset.MaxValue.UtcTicks - utc.UtcTicks ? DateTimeOffset.MaxValue : utc + span;
    }
}
