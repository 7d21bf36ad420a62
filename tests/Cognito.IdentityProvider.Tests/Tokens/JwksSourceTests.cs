using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Tokens;

namespace Cognito.IdentityProvider.Tests.Tokens;

/// <summary>Where the keys come from (the option, else <c>COGNITO_JWKS</c>, else a download), and configuration errors.</summary>
public sealed class JwksSourceTests : IAsyncLifetime
{
    private TokenScenario _s = null!;

    public async Task InitializeAsync() => _s = await TokenScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task A_jwks_given_in_the_options_is_used_without_any_download()
    {
        var verifier = _s.Verifier(o => o.Jwks = TestRsaKey.Jwks(TestRsaKey.B));

        await verifier.VerifyIdTokenAsync(_s.IdToken(key: TestRsaKey.B));
        await verifier.PreloadKeysAsync();

        Assert.Null(verifier.JwksUri);
        Assert.Equal(0, _s.Server.AllRequests);
    }

    [Fact]
    public async Task A_given_jwks_refuses_an_unknown_kid_at_once()
    {
        var verifier = _s.Verifier(o => o.Jwks = TestRsaKey.Jwks(TestRsaKey.B));
        var token = _s.IdToken(key: TestRsaKey.A);

        await TokenScenario.RefusedAsync(TokenValidationFailureReason.UnknownKeyId, token, () => verifier.VerifyIdTokenAsync(token));
        Assert.Equal(0, _s.Server.AllRequests);
    }

    [Fact]
    public async Task The_environment_variable_supplies_the_jwks_when_the_options_do_not()
    {
        var asked = new List<string>();
        var verifier = _s.Verifier(environment: name =>
        {
            asked.Add(name);
            return TestRsaKey.Jwks(TestRsaKey.C);
        });

        await verifier.VerifyAccessTokenAsync(_s.AccessToken(key: TestRsaKey.C));

        Assert.Equal(["COGNITO_JWKS"], asked);
        Assert.Equal(0, _s.Server.AllRequests);
    }

    [Fact]
    public async Task The_option_wins_over_the_environment_variable()
    {
        var verifier = _s.Verifier(o => o.Jwks = TestRsaKey.Jwks(TestRsaKey.B), _ => TestRsaKey.Jwks(TestRsaKey.C));

        await verifier.VerifyIdTokenAsync(_s.IdToken(key: TestRsaKey.B));
        var token = _s.IdToken(key: TestRsaKey.C);
        await TokenScenario.RefusedAsync(TokenValidationFailureReason.UnknownKeyId, token, () => verifier.VerifyIdTokenAsync(token));
    }

    [Fact]
    public async Task The_environment_variable_can_be_ignored()
    {
        var verifier = _s.Verifier(o => o.UseJwksEnvironmentVariable = false, _ => TestRsaKey.Jwks(TestRsaKey.C));

        await verifier.VerifyIdTokenAsync(_s.IdToken(key: TestRsaKey.A));

        Assert.Equal(1, _s.Server.JwksRequests);
    }

    [Fact]
    public async Task An_empty_environment_variable_means_download()
    {
        var verifier = _s.Verifier(environment: _ => "  ");

        await verifier.VerifyIdTokenAsync(_s.IdToken());

        Assert.Equal(1, _s.Server.JwksRequests);
    }

    [Theory]
    [InlineData("option")]
    [InlineData("environment")]
    public void A_given_jwks_that_is_not_one_is_a_configuration_error(string where)
    {
        var error = Assert.Throws<CognitoConfigurationException>(() => where == "option"
            ? _s.Verifier(o => o.Jwks = "{\"keys\": 42}")
            : _s.Verifier(environment: _ => "not json"));

        Assert.Contains(where == "option" ? "Jwks option" : "COGNITO_JWKS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_given_jwks_an_http_client_is_required()
    {
        var options = new CognitoTokenVerifierOptions { UserPoolId = TokenScenario.PoolId };
        options.ClientIds.Add(TokenScenario.ClientId);

        Assert.Throws<CognitoConfigurationException>(() => new CognitoTokenVerifier(options, null, null, null, _ => null));
    }

    [Fact]
    public void App_clients_are_required()
    {
        var options = new CognitoTokenVerifierOptions { UserPoolId = TokenScenario.PoolId, Jwks = TestRsaKey.Jwks(TestRsaKey.A) };
        options.ClientIds.Add(" ");

        var error = Assert.Throws<CognitoConfigurationException>(() => new CognitoTokenVerifier(options));
        Assert.Contains("ClientIds", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("not-a-pool-id", null)]
    [InlineData(null, "not a url")]
    [InlineData(null, "ftp://127.0.0.1/pool")]
    public void A_pool_or_issuer_is_required(string? poolId, string? issuer)
    {
        var options = new CognitoTokenVerifierOptions { UserPoolId = poolId, Issuer = issuer, Jwks = TestRsaKey.Jwks(TestRsaKey.A) };
        options.ClientIds.Add(TokenScenario.ClientId);

        Assert.Throws<CognitoConfigurationException>(() => new CognitoTokenVerifier(options));
    }

    [Fact]
    public void Negative_durations_are_refused()
    {
        Assert.Throws<CognitoConfigurationException>(() => _s.Verifier(o => o.ClockSkew = TimeSpan.FromSeconds(-1)));
        Assert.Throws<CognitoConfigurationException>(() => _s.Verifier(o => o.JwksRefetchInterval = TimeSpan.FromSeconds(-1)));
        Assert.Throws<CognitoConfigurationException>(() => _s.Verifier(o => o.JwksFetchTimeout = TimeSpan.Zero));
    }

    [Fact]
    public async Task Options_changed_after_construction_do_not_affect_the_verifier()
    {
        var options = new CognitoTokenVerifierOptions { Issuer = _s.Issuer, Jwks = TestRsaKey.Jwks(TestRsaKey.A) };
        options.ClientIds.Add(TokenScenario.ClientId);
        var verifier = new CognitoTokenVerifier(options, null, _s.Time, null, _ => null);

        options.ClientIds.Clear();
        options.ClientIds.Add(TokenScenario.OtherClientId);
        options.Issuer = "http://elsewhere.example/pool";

        await verifier.VerifyIdTokenAsync(_s.IdToken());
    }
}
