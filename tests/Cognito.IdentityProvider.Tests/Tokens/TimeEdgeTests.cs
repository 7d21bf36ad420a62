using System.Text.Json.Nodes;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Tokens;

namespace Cognito.IdentityProvider.Tests.Tokens;

/// <summary>
/// NumericDates at and beyond the ends of what DateTimeOffset holds, and skews and intervals large
/// enough to overflow it: each ends in acceptance or a named reason, never in an arithmetic error.
/// </summary>
public sealed class TimeEdgeTests : IAsyncLifetime
{
    /// <summary>9999-12-31T23:59:59Z, the last whole second DateTimeOffset holds.</summary>
    private const long EndOfTime = 253402300799;

    private TokenScenario _s = null!;

    public async Task InitializeAsync() => _s = await TokenScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    public static TheoryData<string, string, TokenValidationFailureReason?> Edges() => new()
    {
        // An expiry at (or within the skew of) the end of time is a long-lived token, not an error.
        { "exp", "253402300799", null },
        { "exp", "253402300798", null },
        { "exp", "253402300770", null },
        { "exp", "253402300769", null },
        { "exp", "253402300768", null },
        { "exp", "253402300799.5", null },
        { "exp", "253402300799.9999", null },
        { "exp", "0", TokenValidationFailureReason.Expired },
        { "exp", "-0", TokenValidationFailureReason.Expired },
        { "exp", "0.5", TokenValidationFailureReason.Expired },

        // Before 1970 or after 9999 is no NumericDate a Cognito token can carry.
        { "exp", "253402300800", TokenValidationFailureReason.Malformed },
        { "exp", "253402300800.5", TokenValidationFailureReason.Malformed },
        { "exp", "9223372036854775807", TokenValidationFailureReason.Malformed },
        { "exp", "18446744073709551616", TokenValidationFailureReason.Malformed },
        { "exp", "1e300", TokenValidationFailureReason.Malformed },
        { "exp", "1.7976931348623157e308", TokenValidationFailureReason.Malformed },
        { "exp", "1e400", TokenValidationFailureReason.Malformed },
        { "exp", "-1", TokenValidationFailureReason.Malformed },
        { "exp", "-0.5", TokenValidationFailureReason.Malformed },
        { "exp", "-62135596800", TokenValidationFailureReason.Malformed },
        { "exp", "-9223372036854775808", TokenValidationFailureReason.Malformed },
        { "exp", "-1e300", TokenValidationFailureReason.Malformed },

        { "iat", "0", null },
        { "iat", "253402300799", TokenValidationFailureReason.NotYetValid },
        { "iat", "253402300799.9999", TokenValidationFailureReason.NotYetValid },
        { "iat", "253402300800", TokenValidationFailureReason.Malformed },
        { "iat", "1e300", TokenValidationFailureReason.Malformed },
        { "iat", "-1", TokenValidationFailureReason.Malformed },
        { "iat", "-62135596800", TokenValidationFailureReason.Malformed },

        { "nbf", "0", null },
        { "nbf", "253402300799", TokenValidationFailureReason.NotYetValid },
        { "nbf", "253402300799.9999", TokenValidationFailureReason.NotYetValid },
        { "nbf", "253402300800", TokenValidationFailureReason.Malformed },
        { "nbf", "1e300", TokenValidationFailureReason.Malformed },
        { "nbf", "-1", TokenValidationFailureReason.Malformed },
        { "nbf", "-62135596800", TokenValidationFailureReason.Malformed },
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public async Task A_numeric_date_at_the_edges_is_accepted_or_refused_by_name(string claim, string json, TokenValidationFailureReason? reason)
    {
        var token = _s.AccessToken(c => c[claim] = JsonNode.Parse(json));
        var verifier = _s.Verifier();

        if (reason is { } expected)
        {
            await TokenScenario.RefusedAsync(expected, token, () => verifier.VerifyAccessTokenAsync(token));
        }
        else
        {
            Assert.Equal(TokenUse.Access, (await verifier.VerifyAccessTokenAsync(token)).TokenUse);
        }
    }

    [Fact]
    public async Task An_expiry_at_the_end_of_time_reads_back_as_that_instant()
    {
        var verified = await _s.Verifier().VerifyAccessTokenAsync(_s.AccessToken(c => c["exp"] = EndOfTime));

        Assert.Equal(new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero), verified.ExpiresAt);
    }

    [Fact]
    public async Task A_clock_near_the_end_of_time_still_judges_tokens()
    {
        var verifier = _s.Verifier();
        await verifier.PreloadKeysAsync();
        var iat = _s.Now;
        _s.Time.SetUtcNow(DateTimeOffset.MaxValue - TimeSpan.FromSeconds(10));

        await verifier.VerifyAccessTokenAsync(_s.AccessToken(c => (c["iat"], c["exp"]) = (iat, EndOfTime)));
        var expired = _s.AccessToken(c => (c["iat"], c["exp"]) = (iat, EndOfTime - 100));
        await TokenScenario.RefusedAsync(TokenValidationFailureReason.Expired, expired, () => verifier.VerifyAccessTokenAsync(expired));
        var early = _s.AccessToken(c => (c["iat"], c["exp"], c["nbf"]) = (iat, EndOfTime, EndOfTime));
        await verifier.VerifyAccessTokenAsync(early);
    }

    [Fact]
    public async Task The_largest_clock_skew_forgives_everything_and_overflows_nothing()
    {
        var verifier = _s.Verifier(o => o.ClockSkew = TimeSpan.MaxValue);

        await verifier.VerifyAccessTokenAsync(_s.AccessToken());
        await verifier.VerifyAccessTokenAsync(_s.AccessToken(c => c["exp"] = 0));
        await verifier.VerifyAccessTokenAsync(_s.AccessToken(c => (c["iat"], c["nbf"], c["exp"]) = (EndOfTime, EndOfTime, EndOfTime)));
    }

    [Fact]
    public async Task The_largest_refetch_interval_keeps_the_penalty_box_closed_for_good()
    {
        var verifier = _s.Verifier(o => o.JwksRefetchInterval = TimeSpan.MaxValue);
        var unknown = _s.AccessToken(key: TestRsaKey.B);

        await TokenScenario.RefusedAsync(TokenValidationFailureReason.UnknownKeyId, unknown, () => verifier.VerifyAccessTokenAsync(unknown));
        _s.Time.Advance(TimeSpan.FromDays(365 * 1000));
        await TokenScenario.RefusedAsync(TokenValidationFailureReason.UnknownKeyId, unknown, () => verifier.VerifyAccessTokenAsync(unknown));

        Assert.Equal(1, _s.Server.JwksRequests);
    }
}
