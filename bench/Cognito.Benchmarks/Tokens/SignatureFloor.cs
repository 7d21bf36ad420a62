using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Cognito.Benchmarks.Tokens;

/// <summary>
/// Only what no verifier can skip: SHA-256 over the signing input and one RSA-2048 public-key
/// operation, on an imported key. No parsing, no claim checks: the floor the others are measured against.
/// </summary>
internal sealed class SignatureFloor : IDisposable
{
    private readonly RSA _rsa;

    public SignatureFloor(string jwks)
    {
        var jwk = JsonNode.Parse(jwks)!["keys"]![0]!;
        _rsa = RSA.Create(new RSAParameters
        {
            Modulus = Base64Url.DecodeFromChars(jwk["n"]!.GetValue<string>()),
            Exponent = Base64Url.DecodeFromChars(jwk["e"]!.GetValue<string>()),
        });
    }

    public string Verify(string token)
    {
        var dot = token.LastIndexOf('.');
        Span<byte> input = stackalloc byte[dot];
        Encoding.ASCII.GetBytes(token.AsSpan(0, dot), input);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        Span<byte> signature = stackalloc byte[256];
        var length = Base64Url.DecodeFromChars(token.AsSpan(dot + 1), signature);
        return _rsa.VerifyHash(hash, signature[..length], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1) ? "ok" : throw new InvalidOperationException("bad signature");
    }

    public void Dispose() => _rsa.Dispose();
}
