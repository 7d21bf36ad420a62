using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Cognito.Benchmarks.Tokens;

/// <summary>Access tokens shaped and sized like Cognito's (~1 KB), signed with a fresh 2048-bit key, and the key's JWKS.</summary>
internal sealed class BenchTokens
{
    public const string PoolId = "eu-west-1_Bench00001";
    public const string ClientId = "benchclient0000000000000000";
    public const string Kid = "bench-key";

    private BenchTokens(string jwks, string[] distinct, string repeated)
    {
        Jwks = jwks;
        Distinct = distinct;
        Repeated = repeated;
    }

    public static string Issuer => $"https://cognito-idp.eu-west-1.amazonaws.com/{PoolId}";

    public string Jwks { get; }

    public string[] Distinct { get; }

    public string Repeated { get; }

    public static BenchTokens Mint(int count)
    {
        using var key = RSA.Create(2048);
        var p = key.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["alg"] = "RS256",
            ["e"] = Base64Url.EncodeToString(p.Exponent),
            ["kid"] = Kid,
            ["kty"] = "RSA",
            ["n"] = Base64Url.EncodeToString(p.Modulus),
            ["use"] = "sig",
        };
        var jwks = new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString();
        var tokens = new string[count + 1];
        var signers = new ThreadLocal<RSA>(() => RSA.Create(key.ExportParameters(true)), trackAllValues: true);
        Parallel.For(0, tokens.Length, i => tokens[i] = Sign(signers.Value!, i));
        foreach (var signer in signers.Values)
        {
            signer.Dispose();
        }

        return new BenchTokens(jwks, tokens[..count], tokens[count]);
    }

    private static string Sign(RSA key, int i)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = $$"""{"sub":"{{Guid.NewGuid()}}","device_key":"eu-west-1_{{Guid.NewGuid()}}","iss":"{{Issuer}}","client_id":"{{ClientId}}","origin_jti":"{{Guid.NewGuid()}}","event_id":"{{Guid.NewGuid()}}","token_use":"access","scope":"aws.cognito.signin.user.admin","auth_time":{{now}},"exp":{{now + 3600}},"iat":{{now}},"jti":"{{Guid.NewGuid()}}","username":"bench-user-{{i:D6}}"}""";
        var signed = Base64Url.EncodeToString("""{"kid":"bench-key","alg":"RS256"}"""u8) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signed}.{Base64Url.EncodeToString(signature)}";
    }
}
