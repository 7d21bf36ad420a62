using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Cognito.IdentityProvider.Errors;

namespace Cognito.IdentityProvider.Tests.Tokens;

/// <summary>
/// RFC 7515 §4.1.11: a JWS whose <c>crit</c> header names an extension the recipient does not
/// understand is invalid. This verifier understands none (Cognito sends none), so any <c>crit</c> refuses.
/// </summary>
public sealed class CriticalHeaderTests : IAsyncLifetime
{
    private TokenScenario _s = null!;

    public async Task InitializeAsync() => _s = await TokenScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Theory]
    [InlineData("""["http://example.com/must-understand"]""")]
    [InlineData("""["exp"]""")]
    [InlineData("""["b64"]""")]
    [InlineData("[]")]
    [InlineData("\"http://example.com/must-understand\"")]
    [InlineData("42")]
    [InlineData("{}")]
    [InlineData("true")]
    [InlineData("null")]
    public async Task A_validly_signed_token_with_a_crit_header_is_refused_before_any_key_is_fetched(string crit)
    {
        var header = TestJwt.Header("RS256", TestRsaKey.A.Kid);
        header["crit"] = JsonNode.Parse(crit);
        header["http://example.com/must-understand"] = true;
        var token = TestJwt.Encode(header, _s.IdClaims(), input => TestRsaKey.A.Sign(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var verifier = _s.Verifier();

        var error = await TokenScenario.RefusedAsync(TokenValidationFailureReason.UnsupportedHeader, token, () => verifier.VerifyIdTokenAsync(token));

        Assert.Contains("crit", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _s.Server.AllRequests);
    }

    [Fact]
    public async Task A_crit_named_twice_is_refused_too()
    {
        var token = TestJwt.Encode(
            """{"kid":"key-a","alg":"RS256","crit":[],"crit":["x"]}""",
            _s.IdClaims().ToJsonString(),
            input => TestRsaKey.A.Sign(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        await TokenScenario.RefusedAsync(TokenValidationFailureReason.UnsupportedHeader, token, () => _s.Verifier().VerifyIdTokenAsync(token));
    }

    [Fact]
    public async Task Other_unknown_header_members_are_ignored_as_the_rfc_says()
    {
        var header = TestJwt.Header("RS256", TestRsaKey.A.Kid);
        header["typ"] = "JWT";
        header["x-vendor"] = new JsonObject { ["crit"] = new JsonArray("nested-is-not-crit") };
        var token = TestJwt.Encode(header, _s.IdClaims(), input => TestRsaKey.A.Sign(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        Assert.Equal(TokenScenario.Subject, (await _s.Verifier().VerifyIdTokenAsync(token)).Subject);
    }
}
