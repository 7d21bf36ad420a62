using System.Text.Json.Nodes;
using Cognito.IdentityProvider.Tokens;

namespace Cognito.IdentityProvider.Tests.Tokens;

public sealed class ValidTokenTests : IAsyncLifetime
{
    private TokenScenario _s = null!;

    public async Task InitializeAsync() => _s = await TokenScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task A_valid_id_token_passes_with_its_claims()
    {
        var verified = await _s.Verifier().VerifyIdTokenAsync(_s.IdToken());

        Assert.Equal(TokenUse.Id, verified.TokenUse);
        Assert.Equal(TokenScenario.Subject, verified.Subject);
        Assert.Equal(TokenScenario.Username, verified.Username);
        Assert.Equal(TokenScenario.ClientId, verified.ClientId);
        Assert.Equal(_s.Issuer, verified.Issuer);
        Assert.Equal(_s.Time.GetUtcNow().AddHours(1), verified.ExpiresAt);
        Assert.Equal(_s.Time.GetUtcNow().AddMinutes(-1), verified.IssuedAt);
        Assert.Equal(["admins", "staff"], verified.Groups);
        Assert.Empty(verified.Scopes);
        Assert.Equal("alice@example.com", verified.Claims["email"]);
        Assert.Equal("true", verified.Claims["email_verified"]);
        Assert.Equal("""["admins","staff"]""", verified.Claims["cognito:groups"]);
        Assert.Equal((_s.Now + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture), verified.Claims["exp"]);
        Assert.Equal(_s.IdClaims().Count, verified.Claims.Count);
    }

    [Fact]
    public async Task A_valid_access_token_passes_with_its_claims()
    {
        var verified = await _s.Verifier().VerifyAccessTokenAsync(_s.AccessToken());

        Assert.Equal(TokenUse.Access, verified.TokenUse);
        Assert.Equal(TokenScenario.Subject, verified.Subject);
        Assert.Equal(TokenScenario.Username, verified.Username);
        Assert.Equal(TokenScenario.ClientId, verified.ClientId);
        Assert.Equal(["aws.cognito.signin.user.admin", "openid"], verified.Scopes);
        Assert.Equal(["admins", "staff"], verified.Groups);
        Assert.Equal("aws.cognito.signin.user.admin openid", verified.Claims["scope"]);
        Assert.False(verified.Claims.ContainsKey("aud"));
    }

    [Fact]
    public async Task Either_kind_passes_when_the_caller_allows_both()
    {
        var verifier = _s.Verifier();

        Assert.Equal(TokenUse.Id, (await verifier.VerifyAsync(_s.IdToken(), null)).TokenUse);
        Assert.Equal(TokenUse.Access, (await verifier.VerifyAsync(_s.AccessToken(), null)).TokenUse);
        Assert.Equal(TokenUse.Access, (await verifier.VerifyAsync(_s.AccessToken(), TokenUse.Access)).TokenUse);
    }

    [Fact]
    public async Task Any_of_the_configured_app_clients_is_accepted()
    {
        var verifier = _s.Verifier(o => o.ClientIds.Add(TokenScenario.SecondClientId));

        var id = await verifier.VerifyIdTokenAsync(_s.IdToken(c => c["aud"] = TokenScenario.SecondClientId));
        var access = await verifier.VerifyAccessTokenAsync(_s.AccessToken(c => c["client_id"] = TokenScenario.SecondClientId));

        Assert.Equal(TokenScenario.SecondClientId, id.ClientId);
        Assert.Equal(TokenScenario.SecondClientId, access.ClientId);
    }

    [Fact]
    public async Task An_audience_array_passes_when_one_entry_is_a_configured_client()
    {
        var verified = await _s.Verifier().VerifyIdTokenAsync(_s.IdToken(c => c["aud"] = new JsonArray(TokenScenario.OtherClientId, TokenScenario.ClientId)));

        Assert.Equal(TokenScenario.ClientId, verified.ClientId);
    }

    [Fact]
    public async Task An_id_token_passes_with_the_access_token_it_was_issued_with()
    {
        var accessToken = _s.AccessToken();
        var idToken = _s.IdToken(c => c["at_hash"] = CognitoTokenVerifier.AccessTokenHash(accessToken));

        var verified = await _s.Verifier().VerifyIdTokenAsync(idToken, accessToken);

        Assert.Equal(TokenScenario.Subject, verified.Subject);
    }

    [Fact]
    public void At_hash_is_the_left_half_of_sha256_base64url_encoded()
    {
        // OpenID Connect Core 1.0, appendix A.3/A.4: the at_hash of this access token is 77QmUPtjPfzWtF2AnpK9RQ.
        Assert.Equal("77QmUPtjPfzWtF2AnpK9RQ", CognitoTokenVerifier.AccessTokenHash("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y"));
    }

    [Fact]
    public async Task A_token_without_nbf_or_groups_passes()
    {
        var verified = await _s.Verifier().VerifyAccessTokenAsync(_s.AccessToken(c => c.Remove("cognito:groups")));

        Assert.Empty(verified.Groups);
    }

    [Fact]
    public async Task A_token_with_nbf_in_the_past_passes()
    {
        var verified = await _s.Verifier().VerifyAccessTokenAsync(_s.AccessToken(c => c["nbf"] = _s.Now - 60));

        Assert.Equal(TokenUse.Access, verified.TokenUse);
    }

    [Fact]
    public async Task The_issuer_comes_from_the_pool_id_when_none_is_given()
    {
        var options = new CognitoTokenVerifierOptions { UserPoolId = "eu-west-1_AbC123Def", Jwks = TestRsaKey.Jwks(TestRsaKey.A) };
        options.ClientIds.Add(TokenScenario.ClientId);
        var verifier = new CognitoTokenVerifier(options, null, _s.Time, null, _ => null);
        const string Issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123Def";

        Assert.Equal(Issuer, verifier.Issuer);
        Assert.Null(verifier.JwksUri);
        var verified = await verifier.VerifyIdTokenAsync(_s.IdToken(c => c["iss"] = Issuer));
        Assert.Equal(Issuer, verified.Issuer);
    }

    [Fact]
    public void The_jwks_is_downloaded_from_the_issuer()
    {
        var derived = new CognitoTokenVerifierOptions { UserPoolId = "us-east-2_Xyz789" };
        derived.ClientIds.Add(TokenScenario.ClientId);
        using var http = new HttpClient();

        Assert.Equal(new Uri("https://cognito-idp.us-east-2.amazonaws.com/us-east-2_Xyz789/.well-known/jwks.json"), new CognitoTokenVerifier(derived, http, null, null, _ => null).JwksUri);
        Assert.Equal(new Uri(_s.Issuer + "/.well-known/jwks.json"), _s.Verifier().JwksUri);
    }
}
