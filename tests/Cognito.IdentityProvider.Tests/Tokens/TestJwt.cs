using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Cognito.IdentityProvider.Tests.Tokens;

/// <summary>JWTs put together by hand, so a test can make any of them: unsigned, mis-signed, odd headers.</summary>
internal static class TestJwt
{
    public static string Rs256(TestRsaKey key, JsonObject payload, string? kid = null) =>
        Encode(Header("RS256", kid ?? key.Kid), payload, input => key.Sign(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static JsonObject Header(string alg, string? kid) =>
        kid is null ? new JsonObject { ["alg"] = alg, ["typ"] = "JWT" } : new JsonObject { ["kid"] = kid, ["alg"] = alg };

    public static string Encode(JsonObject header, JsonObject payload, Func<byte[], byte[]> sign) =>
        Encode(header.ToJsonString(), payload.ToJsonString(), sign);

    public static string Encode(string headerJson, string payloadJson, Func<byte[], byte[]> sign)
    {
        var input = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(headerJson)) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payloadJson));
        return input + "." + Base64Url.EncodeToString(sign(Encoding.ASCII.GetBytes(input)));
    }

    public static string Segment(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
