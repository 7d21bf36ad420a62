using Cognito.Testing.SrpFront;

namespace Cognito.Testing.Tests.Srp;

/// <summary>TIMESTAMP is read as strictly as Cognito reads it: its failures on days 1–9 are the classic client bug.</summary>
public sealed class SrpTimestampTests
{
    [Fact]
    public void Formats_english_utc_without_a_leading_zero_on_the_day()
    {
        Assert.Equal("Tue May 6 00:09:40 UTC 2025", SrpTimestamp.Format(new DateTimeOffset(2025, 5, 6, 0, 9, 40, TimeSpan.Zero)));
        Assert.Equal("Sun Dec 21 23:59:05 UTC 2025", SrpTimestamp.Format(new DateTimeOffset(2025, 12, 22, 1, 59, 5, TimeSpan.FromHours(2))));
    }

    [Theory]
    [InlineData("Tue May 6 00:09:40 UTC 2025", true)]
    [InlineData("Sun Dec 21 23:59:05 UTC 2025", true)]
    [InlineData("Tue May 06 00:09:40 UTC 2025", false)]
    [InlineData("Wed May 6 00:09:40 UTC 2025", false)]
    [InlineData("Tue May 6 0:09:40 UTC 2025", false)]
    [InlineData("Tue May 6 00:09:40 GMT 2025", false)]
    [InlineData("Di Mai 6 00:09:40 UTC 2025", false)]
    [InlineData("Tue May  6 00:09:40 UTC 2025", false)]
    [InlineData("2025-05-06T00:09:40Z", false)]
    [InlineData("", false)]
    public void Parses_only_the_exact_form(string text, bool valid)
    {
        Assert.Equal(valid, SrpTimestamp.TryParse(text, out var instant));
        if (valid)
        {
            Assert.Equal(text, SrpTimestamp.Format(instant));
        }
    }
}
