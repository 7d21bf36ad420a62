using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Tokens;

namespace Cognito.IdentityProvider.Tests.Tokens;

public sealed class UnverifiedTokenReaderTests : IAsyncLifetime
{
    private TokenScenario _s = null!;

    public async Task InitializeAsync() => _s = await TokenScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public void An_access_token_gives_its_username_and_expiry()
    {
        var claims = UnverifiedTokenReader.ReadUnverified(_s.AccessToken());

        Assert.Equal(TokenUse.Access, claims.TokenUse);
        Assert.Equal(TokenScenario.Username, claims.Username);
        Assert.Equal(TokenScenario.Subject, claims.Subject);
        Assert.Equal(_s.Time.GetUtcNow().AddHours(1), claims.ExpiresAt);
        Assert.Equal(_s.Time.GetUtcNow().AddMinutes(-1), claims.IssuedAt);
    }

    [Fact]
    public void An_id_token_gives_its_cognito_username()
    {
        var claims = UnverifiedTokenReader.ReadUnverified(_s.IdToken(c => c["email"] = "alias@example.com"));

        Assert.Equal(TokenUse.Id, claims.TokenUse);
        Assert.Equal(TokenScenario.Username, claims.Username);
    }

    [Fact]
    public void Nothing_is_verified_expired_and_forged_tokens_are_read_alike()
    {
        var expired = _s.AccessClaims();
        expired["exp"] = 1000;
        var token = TestJwt.Rs256(TestRsaKey.C, expired, kid: "nobody");

        var claims = UnverifiedTokenReader.ReadUnverified(token);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1000), claims.ExpiresAt);
        Assert.Equal(0, _s.Server.AllRequests);
    }

    [Fact]
    public void Absent_claims_are_null()
    {
        var claims = UnverifiedTokenReader.ReadUnverified(TestJwt.Rs256(TestRsaKey.A, new() { ["token_use"] = "refresh" }));

        Assert.Equal(new UnverifiedTokenClaims(null, null, null, null, null), claims);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJleHAiOiJzb29uIn0.c2ln")]
    public void Garbage_is_malformed_without_quoting_it(string token)
    {
        Assert.False(UnverifiedTokenReader.TryReadUnverified(token, out _));
        var error = Assert.Throws<TokenValidationException>(() => UnverifiedTokenReader.ReadUnverified(token));
        Assert.Equal(TokenValidationFailureReason.Malformed, error.Reason);
        TokenScenario.AssertNothingLeaks(error, token);
    }
}
