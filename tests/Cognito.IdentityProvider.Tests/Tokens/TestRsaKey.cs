using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Cognito.IdentityProvider.Tests.Tokens;

/// <summary>An RSA key pair made for the tests, with its JWK as Cognito publishes it.</summary>
internal sealed class TestRsaKey
{
    // Key generation is the slow part; three keys serve every test.
    public static readonly TestRsaKey A = new("key-a");
    public static readonly TestRsaKey B = new("key-b");
    public static readonly TestRsaKey C = new("key-c");

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly Lock _gate = new();

    private TestRsaKey(string kid) => Kid = kid;

    public string Kid { get; }

    public byte[] Sign(byte[] data, HashAlgorithmName hash, RSASignaturePadding padding)
    {
        lock (_gate)
        {
            return _rsa.SignData(data, hash, padding);
        }
    }

    public byte[] PublicKeyDer()
    {
        lock (_gate)
        {
            return _rsa.ExportSubjectPublicKeyInfo();
        }
    }

    public string PublicKeyPem()
    {
        lock (_gate)
        {
            return _rsa.ExportSubjectPublicKeyInfoPem();
        }
    }

    /// <param name="kid">The kid to publish it under, when not its own.</param>
    public JsonObject Jwk(string? kid = null)
    {
        RSAParameters parameters;
        lock (_gate)
        {
            parameters = _rsa.ExportParameters(false);
        }

        return new JsonObject
        {
            ["alg"] = "RS256",
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
            ["kid"] = kid ?? Kid,
            ["kty"] = "RSA",
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["use"] = "sig",
        };
    }

    public static string Jwks(params TestRsaKey[] keys) =>
        new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)k.Jwk())]) }.ToJsonString();
}
