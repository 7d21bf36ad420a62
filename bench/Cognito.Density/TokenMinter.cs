using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Cognito.Client.Model;

namespace Cognito.Density;

/// <summary>
/// Mints RS256 tokens shaped and sized like Cognito's (access ~1 KB, ID ~1.1 KB, an opaque
/// ~1.7 KB refresh token) with a 2048-bit key whose JWKS the bench pool verifies against.
/// </summary>
public sealed class TokenMinter
{
    public const string PoolId = "eu-west-1_Bench00001";
    public const string ClientId = "benchclient0000000000000000";
    public const string Kid = "bench-key";

    private readonly RSA _key;

    public TokenMinter(RSA key) => _key = key;

    public static string Issuer => $"https://cognito-idp.eu-west-1.amazonaws.com/{PoolId}";

    public string Jwks()
    {
        var p = _key.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["alg"] = "RS256",
            ["e"] = Base64Url.EncodeToString(p.Exponent),
            ["kid"] = Kid,
            ["kty"] = "RSA",
            ["n"] = Base64Url.EncodeToString(p.Modulus),
            ["use"] = "sig",
        };
        return new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString();
    }

    public TokenSet Mint(string username, TimeSpan lifetime)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var exp = now + (long)lifetime.TotalSeconds;
        var sub = Guid.NewGuid().ToString();
        var jti = Guid.NewGuid().ToString();
        var origin = Guid.NewGuid().ToString();
        var access = Sign($$"""{"sub":"{{sub}}","device_key":"eu-west-1_{{Guid.NewGuid()}}","iss":"{{Issuer}}","client_id":"{{ClientId}}","origin_jti":"{{origin}}","event_id":"{{Guid.NewGuid()}}","token_use":"access","scope":"aws.cognito.signin.user.admin","auth_time":{{now}},"exp":{{exp}},"iat":{{now}},"jti":"{{jti}}","username":"{{username}}"}""");
        var id = Sign($$"""{"sub":"{{sub}}","email_verified":true,"iss":"{{Issuer}}","cognito:username":"{{username}}","origin_jti":"{{origin}}","aud":"{{ClientId}}","event_id":"{{Guid.NewGuid()}}","token_use":"id","auth_time":{{now}},"exp":{{exp}},"iat":{{now}},"jti":"{{Guid.NewGuid()}}","email":"{{username}}@example.com","custom:tenant":"tenant-0001","name":"Bench User"}""");
        return new TokenSet(access, id, Refresh(), DateTimeOffset.FromUnixTimeSeconds(exp));
    }

    private string Sign(string payload)
    {
        var header = Base64Url.EncodeToString("""{"kid":"bench-key","alg":"RS256"}"""u8);
        var body = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload));
        var signed = $"{header}.{body}";
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signed}.{Base64Url.EncodeToString(signature)}";
    }

    // Cognito's refresh token is a JWE (RSA-OAEP, A256GCM): five base64url parts, ~1.7 KB, opaque to us.
    private static string Refresh()
    {
        static string Part(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
        return $"eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.{Part(256)}.{Part(12)}.{Part(900)}.{Part(16)}";
    }
}
