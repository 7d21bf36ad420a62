using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Tokens;

namespace Cognito.IdentityProvider.Tests.Tokens;

/// <summary>The clock-skew leeway, both ways: a little late for <c>exp</c>, a little early for <c>iat</c> and <c>nbf</c>.</summary>
public sealed class ClockSkewTests : IAsyncLifetime
{
    private TokenScenario _s = null!;

    public async Task InitializeAsync() => _s = await TokenScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public void The_default_leeway_is_thirty_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), new CognitoTokenVerifierOptions().ClockSkew);
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(30, false)]
    [InlineData(31, false)]
    public async Task A_token_expired_within_the_leeway_still_passes(int secondsAgo, bool passes)
    {
        var token = _s.AccessToken(c => c["exp"] = _s.Now - secondsAgo);

        await AssertOutcome(passes, TokenValidationFailureReason.Expired, token, _s.Verifier());
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public async Task A_token_issued_slightly_in_the_future_passes_within_the_leeway(int secondsAhead, bool passes)
    {
        var token = _s.AccessToken(c => c["iat"] = _s.Now + secondsAhead);

        await AssertOutcome(passes, TokenValidationFailureReason.NotYetValid, token, _s.Verifier());
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(31, false)]
    public async Task A_not_before_slightly_in_the_future_passes_within_the_leeway(int secondsAhead, bool passes)
    {
        var token = _s.AccessToken(c => c["nbf"] = _s.Now + secondsAhead);

        await AssertOutcome(passes, TokenValidationFailureReason.NotYetValid, token, _s.Verifier());
    }

    [Theory]
    [InlineData(0, -1, false)]
    [InlineData(0, 1, true)]
    [InlineData(120, -119, true)]
    [InlineData(120, -121, false)]
    public async Task The_leeway_is_configurable(int skewSeconds, int expiresIn, bool passes)
    {
        var token = _s.AccessToken(c => c["exp"] = _s.Now + expiresIn);

        await AssertOutcome(passes, TokenValidationFailureReason.Expired, token, _s.Verifier(o => o.ClockSkew = TimeSpan.FromSeconds(skewSeconds)));
    }

    [Fact]
    public async Task The_injected_clock_decides_not_the_machine_clock()
    {
        var verifier = _s.Verifier();
        var token = _s.AccessToken(c => c["exp"] = _s.Now + 300);
        await verifier.VerifyAccessTokenAsync(token);

        _s.Time.Advance(TimeSpan.FromSeconds(330));

        await TokenScenario.RefusedAsync(TokenValidationFailureReason.Expired, token, () => verifier.VerifyAccessTokenAsync(token));
    }

    [Fact]
    public async Task Fractional_numeric_dates_are_honoured()
    {
        var token = _s.AccessToken(c => c["exp"] = _s.Now - 29.5);

        var verified = await _s.Verifier().VerifyAccessTokenAsync(token);

        Assert.Equal(_s.Time.GetUtcNow().AddSeconds(-29.5), verified.ExpiresAt);
    }

    private static async Task AssertOutcome(bool passes, TokenValidationFailureReason reason, string token, CognitoTokenVerifier verifier)
    {
        if (passes)
        {
            Assert.Equal(TokenUse.Access, (await verifier.VerifyAccessTokenAsync(token)).TokenUse);
        }
        else
        {
            await TokenScenario.RefusedAsync(reason, token, () => verifier.VerifyAccessTokenAsync(token));
        }
    }
}
