using System.Globalization;

namespace Cognito.IdentityProvider.Srp;

/// <summary>
/// The <c>TIMESTAMP</c> of an SRP answer, e.g. <c>Tue May 7 00:09:40 UTC 2025</c>. Cognito signs the
/// exact text, so each detail matters: UTC (not local time), English names and the Gregorian calendar
/// whatever the current culture, and no leading zero on the day (a <c>07</c> breaks logins on the
/// 1st to the 9th of every month only).
/// </summary>
public static class SrpTimestamp
{
    private const string Pattern = "ddd MMM d HH:mm:ss 'UTC' yyyy";

    /// <summary>The time as Cognito's SRP proofs spell it.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);
}
