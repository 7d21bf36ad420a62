using System.Security.Cryptography;
using System.Text;
using Cognito.IdentityProvider.Errors;

namespace Cognito.IdentityProvider.Tests.Tokens;

/// <summary>
/// JSON that a one-pass reader could get wrong, validly signed so that only the reading decides:
/// escapes in names and values, duplicates hidden by escapes or by many claims, trailing content,
/// bytes that are not UTF-8.
/// </summary>
public sealed class JsonEdgeTests : IAsyncLifetime
{
    private TokenScenario _s = null!;

    public async Task InitializeAsync() => _s = await TokenScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private string Claims(string extra = "") =>
        $$"""{"sub":"{{TokenScenario.Subject}}","iss":"{{_s.Issuer}}","token_use":"access","client_id":"{{TokenScenario.ClientId}}","exp":{{_s.Now + 600}},"iat":{{_s.Now}}{{extra}}}""";

    private static string Signed(string header, string payload) =>
        TestJwt.Encode(header, payload, Sign);

    private static string Signed(string header, byte[] payload)
    {
        var input = TestJwt.Segment(header) + "." + System.Buffers.Text.Base64Url.EncodeToString(payload);
        return input + "." + System.Buffers.Text.Base64Url.EncodeToString(Sign(Encoding.ASCII.GetBytes(input)));
    }

    private static byte[] Sign(byte[] input) => TestRsaKey.A.Sign(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    private const string Header = """{"kid":"key-a","alg":"RS256"}""";

    [Fact]
    public async Task A_claim_named_twice_once_with_escapes_is_malformed()
    {
        var token = Signed(Header, Claims(""","s\u0075b":"victim" """));

        await TokenScenario.RefusedAsync(TokenValidationFailureReason.Malformed, token, () => _s.Verifier().VerifyAccessTokenAsync(token));
    }

    [Fact]
    public async Task A_duplicate_among_many_claims_is_malformed()
    {
        var many = string.Concat(Enumerable.Range(0, 80).Select(i => $",\"c{i}\":{i}"));
        var token = Signed(Header, Claims(many + ",\"c79\":0"));

        await TokenScenario.RefusedAsync(TokenValidationFailureReason.Malformed, token, () => _s.Verifier().VerifyAccessTokenAsync(token));
    }

    [Fact]
    public async Task Many_distinct_claims_pass_and_all_are_read()
    {
        var many = string.Concat(Enumerable.Range(0, 80).Select(i => $",\"c{i}\":{i}"));
        var verified = await _s.Verifier().VerifyAccessTokenAsync(Signed(Header, Claims(many)));

        Assert.Equal(86, verified.Claims.Count);
        Assert.Equal("79", verified.Claims["c79"]);
    }

    [Fact]
    public async Task Escaped_names_and_values_mean_what_they_say()
    {
        var payload = Claims().Replace("\"iss\":", "\"\\u0069ss\":", StringComparison.Ordinal).Replace("://", ":\\/\\/", StringComparison.Ordinal)
            .Replace("\"token_use\":\"access\"", "\"token_use\":\"acc\\u0065ss\"", StringComparison.Ordinal);
        var token = Signed("""{"k\u0069d":"key\u002da","alg":"RS\u0032\u0035\u0036"}""", payload);

        var verified = await _s.Verifier().VerifyAccessTokenAsync(token);

        Assert.Equal(_s.Issuer, verified.Issuer);
        Assert.Equal(_s.Issuer, verified.Claims["iss"]);
    }

    [Fact]
    public async Task An_escaped_none_is_still_none()
    {
        var token = TestJwt.Segment("""{"kid":"key-a","alg":"n\u006fNe"}""") + "." + TestJwt.Segment(Claims()) + ".";

        await TokenScenario.RefusedAsync(TokenValidationFailureReason.AlgorithmNone, token, () => _s.Verifier().VerifyAccessTokenAsync(token));
    }

    [Theory]
    [InlineData("""{"kid":"key-a","alg":"RS256","alg":"RS256"}""")]
    [InlineData("""{"kid":"key-a","kid":"key-b","alg":"RS256"}""")]
    [InlineData("""{"kid":"key-a","alg":"RS256"} {}""")]
    [InlineData("""{"kid":"key-a","alg":"RS256"}]""")]
    [InlineData("""{"kid":"key-a","alg":"RS256",}""")]
    [InlineData("""{"kid":"key-a","alg":"RS256"/*c*/}""")]
    public async Task A_header_readers_could_disagree_about_is_malformed(string header)
    {
        var token = Signed(header, Claims());

        await TokenScenario.RefusedAsync(TokenValidationFailureReason.Malformed, token, () => _s.Verifier().VerifyAccessTokenAsync(token));
    }

    [Theory]
    [InlineData(" {}")]
    [InlineData("[]")]
    [InlineData(",")]
    public async Task Content_after_the_payload_object_is_malformed(string trailing)
    {
        var token = Signed(Header, Claims() + trailing);

        await TokenScenario.RefusedAsync(TokenValidationFailureReason.Malformed, token, () => _s.Verifier().VerifyAccessTokenAsync(token));
    }

    [Fact]
    public async Task A_payload_that_is_not_utf8_is_malformed()
    {
        var bytes = Encoding.UTF8.GetBytes(Claims(""","name":"XX" """));
        var at = Array.IndexOf(bytes, (byte)'X');
        (bytes[at], bytes[at + 1]) = (0xC3, 0x28);
        var token = Signed(Header, bytes);

        await TokenScenario.RefusedAsync(TokenValidationFailureReason.Malformed, token, () => _s.Verifier().VerifyAccessTokenAsync(token));
    }

    [Fact]
    public async Task An_audience_array_with_a_non_string_after_the_match_is_malformed()
    {
        var token = _s.IdToken(c => c["aud"] = new System.Text.Json.Nodes.JsonArray(TokenScenario.ClientId, 42));

        await TokenScenario.RefusedAsync(TokenValidationFailureReason.Malformed, token, () => _s.Verifier().VerifyIdTokenAsync(token));
    }
}
