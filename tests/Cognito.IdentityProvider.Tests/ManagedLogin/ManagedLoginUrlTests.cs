using System.Web;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.ManagedLogin;

namespace Cognito.IdentityProvider.Tests.ManagedLogin;

/// <summary>The authorize and logout URLs, PKCE and the domain forms, checked against RFC 7636 and Cognito's documented endpoints.</summary>
public sealed class ManagedLoginUrlTests
{
    private static readonly AuthorizeRequest Request = new("3n4b5urk1ft4fl3mg5e62d9ado", new Uri("https://app.example.com/signin-cognito"), AuthorizeRequest.DefaultScopes);

    [Fact]
    public void Pkce_s256_matches_the_rfc_7636_appendix_b_example()
    {
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.ChallengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("dBjftJeZ4CVP-mJ92IgABgS0Yk5zYVlf1FUC5aULSq0 with spaces")]
    [InlineData("dBjftJeZ4CVP+mJ92IgABgS0Yk5zYVlf1FUC5aULSq0")]
    public void A_verifier_outside_the_rfc_grammar_is_refused(string verifier)
    {
        Assert.Throws<InvalidParameterException>(() => Pkce.ChallengeOf(verifier));
    }

    [Fact]
    public void New_verifiers_are_valid_and_distinct()
    {
        var verifiers = Enumerable.Range(0, 100).Select(_ => Pkce.NewVerifier()).ToList();
        Assert.All(verifiers, v => Assert.Equal(43, v.Length));
        Assert.All(verifiers, Pkce.Validate);
        Assert.Equal(100, verifiers.Distinct().Count());
    }

    [Fact]
    public void The_authorize_url_asks_for_a_code_with_pkce_state_and_nonce()
    {
        var attempt = ManagedLoginAttempt.Create();
        var url = attempt.AuthorizeUrl(ManagedLoginDomain.FromPrefix("my-app", "eu-west-1"), Request with { IdentityProvider = "Google", Language = "de" });

        Assert.Equal("https://my-app.auth.eu-west-1.amazoncognito.com/oauth2/authorize", url.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal(Request.ClientId, query["client_id"]);
        Assert.Equal("https://app.example.com/signin-cognito", query["redirect_uri"]);
        Assert.Equal("openid email profile", query["scope"]);
        Assert.Equal(attempt.State, query["state"]);
        Assert.Equal(attempt.Nonce, query["nonce"]);
        Assert.Equal(Pkce.ChallengeOf(attempt.CodeVerifier), query["code_challenge"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal("Google", query["identity_provider"]);
        Assert.Equal("de", query["lang"]);
        Assert.DoesNotContain(attempt.CodeVerifier, url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_attempt_has_its_own_secrets_and_never_prints_them()
    {
        var a = ManagedLoginAttempt.Create();
        var b = ManagedLoginAttempt.Create();
        Assert.NotEqual(a.State, b.State);
        Assert.NotEqual(a.Nonce, b.Nonce);
        Assert.NotEqual(a.State, a.Nonce);
        var text = a.ToString();
        Assert.DoesNotContain(a.State, text, StringComparison.Ordinal);
        Assert.DoesNotContain(a.Nonce, text, StringComparison.Ordinal);
        Assert.DoesNotContain(a.CodeVerifier, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_attempts_own_state_is_accepted()
    {
        var attempt = ManagedLoginAttempt.Create();
        Assert.True(attempt.IsOwnState(attempt.State));
        Assert.False(attempt.IsOwnState(null));
        Assert.False(attempt.IsOwnState(ManagedLoginAttempt.Create().State));
        Assert.False(attempt.IsOwnState(attempt.State[..^1]));
    }

    [Fact]
    public void The_logout_url_names_the_client_and_where_to_return()
    {
        var url = ManagedLoginDomain.FromUrl(new Uri("https://auth.example.com")).LogoutUrl(Request.ClientId, new Uri("https://app.example.com/signed-out?x=1"));
        Assert.Equal("https://auth.example.com/logout", url.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal(Request.ClientId, query["client_id"]);
        Assert.Equal("https://app.example.com/signed-out?x=1", query["logout_uri"]);
    }

    [Fact]
    public void A_custom_domain_keeps_its_path_and_the_endpoints_hang_off_it()
    {
        var domain = ManagedLoginDomain.FromUrl(new Uri("http://127.0.0.1:9229/local_pool"));
        Assert.Equal("http://127.0.0.1:9229/local_pool/oauth2/token", domain.TokenEndpoint.AbsoluteUri);
        Assert.Equal("http://127.0.0.1:9229/local_pool/oauth2/revoke", domain.RevokeEndpoint.AbsoluteUri);
    }

    [Theory]
    [InlineData("http://auth.example.com")]
    [InlineData("https://auth.example.com/?a=b")]
    [InlineData("ftp://auth.example.com")]
    public void Unsafe_or_malformed_domains_are_refused(string url)
    {
        Assert.Throws<CognitoConfigurationException>(() => ManagedLoginDomain.FromUrl(new Uri(url)));
    }

    [Theory]
    [InlineData("My-App", "eu-west-1")]
    [InlineData("-app", "eu-west-1")]
    [InlineData("app", "eu west 1")]
    [InlineData("", "eu-west-1")]
    public void Bad_prefixes_and_regions_are_refused(string prefix, string region)
    {
        Assert.Throws<CognitoConfigurationException>(() => ManagedLoginDomain.FromPrefix(prefix, region));
    }

    [Fact]
    public void Without_a_domain_configuration_names_what_is_missing()
    {
        var error = Assert.Throws<CognitoConfigurationException>(() => ManagedLoginDomain.Resolve(null, "app", null));
        Assert.Contains("prefix and a region", error.Message, StringComparison.Ordinal);
    }
}
