using System.Globalization;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// The TIMESTAMP of an SRP answer: <c>EEE MMM d HH:mm:ss 'UTC' yyyy</c>, English names, UTC, no
/// leading zero on the day. Parsing is strict (the text must be exactly what formatting the parsed
/// instant gives) because the lenient forms — "07" days, other languages, local time — are the
/// bugs Cognito turns into failed logins.
/// </summary>
public static class SrpTimestamp
{
    /// <summary>The .NET format of Cognito's SRP TIMESTAMP (e.g. <c>Tue Dec 1 09:05:03 UTC 2026</c>).</summary>
    public const string Pattern = "ddd MMM d HH:mm:ss 'UTC' yyyy";

    /// <summary><paramref name="instant"/> as Cognito spells it.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>Reads a TIMESTAMP; false when it is not in Cognito's form.</summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (text is null
            || !DateTime.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        instant = new DateTimeOffset(parsed, TimeSpan.Zero);
        return string.Equals(Format(instant), text, StringComparison.Ordinal);
    }
}
