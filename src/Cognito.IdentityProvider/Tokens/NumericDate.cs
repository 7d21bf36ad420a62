namespace Cognito.IdentityProvider.Tokens;

/// <summary>JWT NumericDates (seconds since the epoch, possibly fractional) as instants.</summary>
internal static class NumericDate
{
    // 253402300800: 10000-01-01T00:00:00Z, the first second DateTimeOffset cannot hold.
    private static readonly double SecondsAfterLastInstant = (DateTimeOffset.MaxValue.UtcTicks + 1 - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerSecond;

    /// <summary>
    /// False outside 1970 to 9999-12-31T23:59:59.9999999Z: no Cognito token is dated before its
    /// epoch, and no DateTimeOffset holds a time after 9999.
    /// </summary>
    public static bool TryFromSeconds(double seconds, out DateTimeOffset value)
    {
        value = default;

        // The positive form also refuses NaN and the infinities.
        if (!(seconds >= 0 && seconds < SecondsAfterLastInstant))
        {
            return false;
        }

        // Whole seconds and the fraction apart: seconds * 10^7 near 9999 is past a double's precision
        // (whole seconds would come back off by hundreds of ticks). The truncated fraction is at most
        // 9,999,999 ticks, so the sum never passes MaxValue.
        var whole = Math.Floor(seconds);
        var ticks = ((long)whole * TimeSpan.TicksPerSecond) + (long)((seconds - whole) * TimeSpan.TicksPerSecond);
        value = DateTimeOffset.UnixEpoch.AddTicks(ticks);
        return true;
    }
}
