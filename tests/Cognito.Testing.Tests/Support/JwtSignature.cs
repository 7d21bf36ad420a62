using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Cognito.Testing.Tests.Support;

/// <summary>Checks an RS256 JWT against a JWKS — enough to prove a token is cognito-local's own.</summary>
public static class JwtSignature
{
    public static JsonObject Payload(string jwt) => JsonNode.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1]))!.AsObject();

    public static bool IsSignedBy(string jwt, JsonObject jwks)
    {
        var parts = jwt.Split('.');
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!.AsObject();
        var kid = header["kid"]?.GetValue<string>();
        var key = jwks["keys"]!.AsArray().OfType<JsonObject>().SingleOrDefault(k => k["kid"]?.GetValue<string>() == kid);
        if (key is null || header["alg"]?.GetValue<string>() != "RS256")
        {
            return false;
        }

        using var rsa = RSA.Create(new RSAParameters
        {
            Modulus = Base64Url.DecodeFromChars(key["n"]!.GetValue<string>()),
            Exponent = Base64Url.DecodeFromChars(key["e"]!.GetValue<string>()),
        });
        return rsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
