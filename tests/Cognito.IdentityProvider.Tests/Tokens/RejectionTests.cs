using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Tokens;

namespace Cognito.IdentityProvider.Tests.Tokens;

/// <summary>Every way a token is refused, each with its reason, and never a word of the token in the error.</summary>
public sealed class RejectionTests : IAsyncLifetime
{
    private TokenScenario _s = null!;

    public async Task InitializeAsync() => _s = await TokenScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private Task<TokenValidationException> Refused(TokenValidationFailureReason reason, string token, Func<CognitoTokenVerifier, string, Task> verify, Action<CognitoTokenVerifierOptions>? configure = null)
    {
        var verifier = _s.Verifier(configure);
        return TokenScenario.RefusedAsync(reason, token, () => verify(verifier, token));
    }

    private static Task VerifyId(CognitoTokenVerifier v, string token) => v.VerifyIdTokenAsync(token);

    private static Task VerifyAccess(CognitoTokenVerifier v, string token) => v.VerifyAccessTokenAsync(token);

    private static Task VerifyAny(CognitoTokenVerifier v, string token) => v.VerifyAsync(token, null);

    public static TheoryData<string> MalformedTokens()
    {
        var header = TestJwt.Segment("""{"kid":"key-a","alg":"RS256"}""");
        var payload = TestJwt.Segment("""{"sub":"x","token_use":"id"}""");
        return new TheoryData<string>
        {
            "",
            "not-a-jwt",
            "only.two",
            $"{header}.{payload}.c2ln.ZXh0cmE.cGFydA",
            $"{header}.{payload}",
            $"{header}.!!!not-base64!!!.c2ln",
            $"{header}.{TestJwt.Segment("not json")}.c2ln",
            $"{header}.{TestJwt.Segment("[1,2,3]")}.c2ln",
            $"{TestJwt.Segment("not json")}.{payload}.c2ln",
            $"{TestJwt.Segment("""{"kid":"key-a"}""")}.{payload}.c2ln",
            $"{TestJwt.Segment("""{"kid":"key-a","alg":256}""")}.{payload}.c2ln",
            $"{TestJwt.Segment("""{"kid":123,"alg":"RS256"}""")}.{payload}.c2ln",
            $"{TestJwt.Segment("""{"kid":["key-a"],"alg":"RS256"}""")}.{payload}.c2ln",
            $"{TestJwt.Segment("[]")}.{payload}.c2ln",
            $" {header}.{payload}.c2ln",
            $"{header}.{payload}.c2ln=",
            $"{header}\n.{payload}.c2ln",
            $"{header}.{payload}.c2l+/",
        };
    }

    [Theory]
    [MemberData(nameof(MalformedTokens))]
    public async Task A_malformed_token_is_refused(string token)
    {
        await Refused(TokenValidationFailureReason.Malformed, token, VerifyAny);
        Assert.Equal(0, _s.Server.AllRequests);
    }

    [Fact]
    public async Task A_payload_that_names_a_claim_twice_is_malformed()
    {
        // Two readers could each pick a different "sub"; one of them would be fooled.
        var token = TestJwt.Encode(
            """{"kid":"key-a","alg":"RS256"}""",
            $$"""{"sub":"victim","sub":"{{TokenScenario.Subject}}","iss":"{{_s.Issuer}}","token_use":"id","aud":"{{TokenScenario.ClientId}}","exp":{{_s.Now + 60}},"iat":{{_s.Now}}}""",
            input => TestRsaKey.A.Sign(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        await Refused(TokenValidationFailureReason.Malformed, token, VerifyId);
    }

    [Theory]
    [InlineData("exp", "\"tomorrow\"")]
    [InlineData("iat", "true")]
    [InlineData("aud", "42")]
    [InlineData("cognito:groups", "{\"a\":1}")]
    [InlineData("sub", "[\"a\"]")]
    public async Task A_claim_of_the_wrong_type_is_malformed(string claim, string json)
    {
        var token = _s.IdToken(c => c[claim] = JsonNode.Parse(json));

        await Refused(TokenValidationFailureReason.Malformed, token, VerifyId);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("NONE")]
    public async Task An_unsigned_token_is_refused(string alg)
    {
        var token = TestJwt.Encode(TestJwt.Header(alg, TestRsaKey.A.Kid), _s.IdClaims(), _ => []);
        Assert.EndsWith(".", token);

        await Refused(TokenValidationFailureReason.AlgorithmNone, token, VerifyId);
    }

    [Fact]
    public async Task An_unsigned_token_with_a_leftover_signature_is_refused()
    {
        var valid = _s.IdToken();
        var token = TestJwt.Segment("""{"kid":"key-a","alg":"none"}""") + valid[valid.IndexOf('.', StringComparison.Ordinal)..];

        await Refused(TokenValidationFailureReason.AlgorithmNone, token, VerifyId);
    }

    public static TheoryData<string> KeyConfusionSecrets() => new() { "der", "pem", "jwk", "modulus" };

    /// <summary>
    /// The classic key-confusion attack: HS256 with the pool's public key (which anyone can download)
    /// as the HMAC secret, hoping the verifier feeds its RSA key to HMAC.
    /// </summary>
    [Theory]
    [MemberData(nameof(KeyConfusionSecrets))]
    public async Task Hs256_signed_with_the_public_key_as_secret_is_refused(string secretForm)
    {
        var jwk = TestRsaKey.A.Jwk();
        byte[] secret = secretForm switch
        {
            "der" => TestRsaKey.A.PublicKeyDer(),
            "pem" => Encoding.ASCII.GetBytes(TestRsaKey.A.PublicKeyPem()),
            "jwk" => Encoding.UTF8.GetBytes(jwk.ToJsonString()),
            _ => Base64Url.DecodeFromChars(jwk["n"]!.GetValue<string>()),
        };
        var token = TestJwt.Encode(TestJwt.Header("HS256", TestRsaKey.A.Kid), _s.IdClaims(), input => HMACSHA256.HashData(secret, input));

        await Refused(TokenValidationFailureReason.UnsupportedAlgorithm, token, VerifyId);
        Assert.Equal(0, _s.Server.AllRequests);
    }

    [Fact]
    public async Task An_hmac_signature_under_an_rs256_header_is_a_bad_signature()
    {
        var token = TestJwt.Encode(TestJwt.Header("RS256", TestRsaKey.A.Kid), _s.IdClaims(), input => HMACSHA256.HashData(TestRsaKey.A.PublicKeyDer(), input));

        await Refused(TokenValidationFailureReason.InvalidSignature, token, VerifyId);
    }

    [Theory]
    [InlineData("RS512")]
    [InlineData("RS384")]
    [InlineData("PS256")]
    [InlineData("rs256")]
    [InlineData("ES256")]
    public async Task Any_algorithm_but_rs256_is_refused_even_with_the_pool_key(string alg)
    {
        var (hash, padding) = alg switch
        {
            "RS512" => (HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
            "RS384" => (HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
            "PS256" => (HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
            _ => (HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        };
        var token = TestJwt.Encode(TestJwt.Header(alg, TestRsaKey.A.Kid), _s.IdClaims(), input => TestRsaKey.A.Sign(input, hash, padding));

        await Refused(TokenValidationFailureReason.UnsupportedAlgorithm, token, VerifyId);
    }

    [Fact]
    public async Task A_token_without_a_kid_is_refused()
    {
        var token = TestJwt.Encode(TestJwt.Header("RS256", null), _s.IdClaims(), input => TestRsaKey.A.Sign(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        await Refused(TokenValidationFailureReason.MissingKeyId, token, VerifyId);
    }

    [Fact]
    public async Task A_token_signed_by_a_key_the_pool_does_not_have_is_refused_after_one_refetch()
    {
        var token = _s.IdToken(key: TestRsaKey.B);

        await Refused(TokenValidationFailureReason.UnknownKeyId, token, VerifyId);
        Assert.Equal(1, _s.Server.JwksRequests);
    }

    [Fact]
    public async Task A_tampered_payload_is_a_bad_signature()
    {
        var valid = _s.IdToken();
        var parts = valid.Split('.');
        var claims = _s.IdClaims();
        claims["cognito:groups"] = new JsonArray("admins", "staff", "root");
        var token = $"{parts[0]}.{TestJwt.Segment(claims.ToJsonString())}.{parts[2]}";

        await Refused(TokenValidationFailureReason.InvalidSignature, token, VerifyId);
    }

    [Fact]
    public async Task A_signature_by_another_key_under_the_pool_kid_is_a_bad_signature()
    {
        var token = TestJwt.Rs256(TestRsaKey.B, _s.IdClaims(), kid: TestRsaKey.A.Kid);

        await Refused(TokenValidationFailureReason.InvalidSignature, token, VerifyId);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("empty")]
    [InlineData("flipped")]
    public async Task A_damaged_signature_is_a_bad_signature(string damage)
    {
        var valid = _s.IdToken();
        var signatureStart = valid.LastIndexOf('.') + 1;
        var token = damage switch
        {
            "truncated" => valid[..^10],
            "empty" => valid[..signatureStart],
            _ => valid[..signatureStart] + (valid[signatureStart] == 'A' ? 'B' : 'A') + valid[(signatureStart + 1)..],
        };

        await Refused(TokenValidationFailureReason.InvalidSignature, token, VerifyId);
    }

    [Theory]
    [InlineData("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123Def")]
    [InlineData("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_0therPool")]
    [InlineData("trailing-slash")]
    [InlineData(null)]
    public async Task A_token_from_another_issuer_is_refused(string? issuer)
    {
        var token = _s.IdToken(c =>
        {
            if (issuer is null)
            {
                c.Remove("iss");
            }
            else
            {
                c["iss"] = issuer == "trailing-slash" ? _s.Issuer + "/" : issuer;
            }
        });

        var error = await Refused(TokenValidationFailureReason.WrongIssuer, token, VerifyId);
        Assert.Contains(_s.Issuer, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_id_token_for_another_app_client_is_refused(bool present)
    {
        var token = _s.IdToken(c =>
        {
            if (present)
            {
                c["aud"] = TokenScenario.OtherClientId;
            }
            else
            {
                c.Remove("aud");
            }
        });

        await Refused(TokenValidationFailureReason.WrongAudience, token, VerifyId);
    }

    [Fact]
    public async Task An_id_token_whose_client_id_matches_but_aud_does_not_is_refused()
    {
        var token = _s.IdToken(c =>
        {
            c["aud"] = TokenScenario.OtherClientId;
            c["client_id"] = TokenScenario.ClientId;
        });

        await Refused(TokenValidationFailureReason.WrongAudience, token, VerifyId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_access_token_for_another_app_client_is_refused(bool present)
    {
        var token = _s.AccessToken(c =>
        {
            if (present)
            {
                c["client_id"] = TokenScenario.OtherClientId;
            }
            else
            {
                c.Remove("client_id");
            }
        });

        await Refused(TokenValidationFailureReason.WrongClientId, token, VerifyAccess);
    }

    [Fact]
    public async Task An_access_token_is_judged_by_client_id_not_by_an_aud_it_carries()
    {
        var token = _s.AccessToken(c =>
        {
            c["client_id"] = TokenScenario.OtherClientId;
            c["aud"] = TokenScenario.ClientId;
        });

        await Refused(TokenValidationFailureReason.WrongClientId, token, VerifyAccess);
    }

    [Fact]
    public async Task An_access_token_where_an_id_token_is_wanted_is_refused()
    {
        var token = _s.AccessToken(c => c["aud"] = TokenScenario.ClientId);

        var error = await Refused(TokenValidationFailureReason.WrongTokenUse, token, VerifyId);
        Assert.Equal("An ID token was expected; this is an access token.", error.Message);
    }

    [Fact]
    public async Task An_id_token_where_an_access_token_is_wanted_is_refused()
    {
        var token = _s.IdToken(c => c["client_id"] = TokenScenario.ClientId);

        await Refused(TokenValidationFailureReason.WrongTokenUse, token, VerifyAccess);
    }

    [Theory]
    [InlineData("refresh")]
    [InlineData("ID")]
    [InlineData(null)]
    public async Task A_token_use_other_than_id_or_access_is_refused_even_when_both_are_allowed(string? use)
    {
        var token = _s.IdToken(c =>
        {
            if (use is null)
            {
                c.Remove("token_use");
            }
            else
            {
                c["token_use"] = use;
            }
        });

        await Refused(TokenValidationFailureReason.WrongTokenUse, token, VerifyAny);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = _s.AccessToken(c => c["exp"] = _s.Now - 31);

        var error = await Refused(TokenValidationFailureReason.Expired, token, VerifyAccess);
        Assert.Contains("30s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_clock_skew_a_token_is_expired_at_its_exp_second()
    {
        var token = _s.AccessToken(c => c["exp"] = _s.Now);

        await Refused(TokenValidationFailureReason.Expired, token, VerifyAccess, o => o.ClockSkew = TimeSpan.Zero);
    }

    [Fact]
    public async Task A_token_not_valid_before_a_future_time_is_refused()
    {
        var token = _s.AccessToken(c => c["nbf"] = _s.Now + 31);

        await Refused(TokenValidationFailureReason.NotYetValid, token, VerifyAccess);
    }

    [Fact]
    public async Task A_token_issued_in_the_future_is_refused()
    {
        var token = _s.IdToken(c => c["iat"] = _s.Now + 31);

        await Refused(TokenValidationFailureReason.NotYetValid, token, VerifyId);
    }

    [Theory]
    [InlineData("sub")]
    [InlineData("exp")]
    [InlineData("iat")]
    public async Task A_token_missing_a_claim_cognito_always_sets_is_refused(string claim)
    {
        var token = _s.IdToken(c => c.Remove(claim));

        await Refused(TokenValidationFailureReason.MissingClaim, token, VerifyId);
    }

    [Fact]
    public async Task An_id_token_with_another_access_tokens_at_hash_is_refused()
    {
        var accessToken = _s.AccessToken();
        var idToken = _s.IdToken(c => c["at_hash"] = CognitoTokenVerifier.AccessTokenHash(_s.AccessToken(a => a["jti"] = "another")));
        var verifier = _s.Verifier();

        var error = await TokenScenario.RefusedAsync(TokenValidationFailureReason.AccessTokenHashMismatch, idToken, () => verifier.VerifyIdTokenAsync(idToken, accessToken));
        TokenScenario.AssertNothingLeaks(error, accessToken);
    }

    [Fact]
    public async Task An_id_token_without_at_hash_cannot_be_bound_to_an_access_token()
    {
        var accessToken = _s.AccessToken();
        var idToken = _s.IdToken();
        var verifier = _s.Verifier();

        var error = await TokenScenario.RefusedAsync(TokenValidationFailureReason.AccessTokenHashMismatch, idToken, () => verifier.VerifyIdTokenAsync(idToken, accessToken));
        TokenScenario.AssertNothingLeaks(error, accessToken);
    }

    [Fact]
    public async Task Claims_are_not_looked_at_before_the_signature_verifies()
    {
        // Expired, wrong issuer, wrong audience, and forged: the forgery is what is reported.
        var token = TestJwt.Rs256(TestRsaKey.B, new JsonObject { ["iss"] = "https://evil.example", ["token_use"] = "id", ["exp"] = 1 }, kid: TestRsaKey.A.Kid);

        await Refused(TokenValidationFailureReason.InvalidSignature, token, VerifyId);
    }
}
