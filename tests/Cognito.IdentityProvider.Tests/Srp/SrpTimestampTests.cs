using System.Globalization;
using Cognito.IdentityProvider.Srp;

namespace Cognito.IdentityProvider.Tests.Srp;

public sealed class SrpTimestampTests
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static TheoryData<string> Cultures => new() { "th-TH", "ar-SA", "fa-IR", "ja-JP", "de-DE", "he-IL", "hi-IN", "zh-CN" };

    [Fact]
    public void Known_instants()
    {
        Assert.Equal("Wed May 7 00:09:40 UTC 2025", SrpTimestamp.Format(new DateTimeOffset(2025, 5, 7, 0, 9, 40, TimeSpan.Zero)));
        Assert.Equal("Sat Mar 1 23:59:59 UTC 2025", SrpTimestamp.Format(new DateTimeOffset(2025, 3, 1, 23, 59, 59, TimeSpan.Zero)));
        Assert.Equal("Thu Feb 29 12:00:05 UTC 2024", SrpTimestamp.Format(new DateTimeOffset(2024, 2, 29, 12, 0, 5, TimeSpan.Zero)));
        Assert.Equal("Sun Dec 31 09:08:07 UTC 2028", SrpTimestamp.Format(new DateTimeOffset(2028, 12, 31, 9, 8, 7, TimeSpan.Zero)));
    }

    [Fact]
    public void Every_day_of_a_month_has_no_leading_zero_on_the_day()
    {
        for (var day = 1; day <= 31; day++)
        {
            var instant = new DateTimeOffset(2025, 7, day, 3, 4, 5, TimeSpan.Zero);
            Assert.Equal(Expected(instant), SrpTimestamp.Format(instant));
        }
    }

    [Fact]
    public void The_time_is_utc_whatever_the_offset_given()
    {
        // 01:02:03 at +14:00 is still the previous day in UTC; 22:02:03 at -12:00 is already the next.
        Assert.Equal("Sat Mar 8 11:02:03 UTC 2025", SrpTimestamp.Format(new DateTimeOffset(2025, 3, 9, 1, 2, 3, TimeSpan.FromHours(14))));
        Assert.Equal("Mon Mar 10 10:02:03 UTC 2025", SrpTimestamp.Format(new DateTimeOffset(2025, 3, 9, 22, 2, 3, TimeSpan.FromHours(-12))));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Other_cultures_and_calendars_change_nothing(string culture)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var cultureInfo = CultureInfo.GetCultureInfo(culture);
        try
        {
            CultureInfo.CurrentCulture = cultureInfo;
            CultureInfo.CurrentUICulture = cultureInfo;

            // Make sure the culture really differs: a Thai or Saudi date would otherwise print another year or names.
            var sample = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
            Assert.NotEqual(sample.UtcDateTime.ToString("ddd MMM d HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture), sample.UtcDateTime.ToString("ddd MMM d HH:mm:ss 'UTC' yyyy", CultureInfo.CurrentCulture));

            for (var day = 1; day <= 31; day++)
            {
                var instant = new DateTimeOffset(2025, 1, day, 23, 0, 9, TimeSpan.Zero);
                Assert.Equal(Expected(instant), SrpTimestamp.Format(instant));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    /// <summary>Built from name tables and integers, not from .NET's date formatting.</summary>
    private static string Expected(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{DayNames[(int)utc.DayOfWeek]} {MonthNames[utc.Month - 1]} {utc.Day} {utc.Hour:00}:{utc.Minute:00}:{utc.Second:00} UTC {utc.Year}");
    }
}
