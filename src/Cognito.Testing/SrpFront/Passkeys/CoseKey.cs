using System.Security.Cryptography;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// A passkey's public key as the authenticator gave it (a COSE_Key, RFC 9052/9053): ES256 (EC2 on
/// P-256) or RS256 (RSA, PKCS#1 v1.5 with SHA-256), the two algorithms Cognito asks for.
/// </summary>
internal sealed record CoseKey(int Algorithm, byte[] Encoded)
{
    public const int Es256 = -7;
    public const int Rs256 = -257;

    /// <summary>Reads the COSE_Key at the start of <paramref name="cbor"/>; a key of another type or algorithm, or a malformed one, is refused.</summary>
    public static CoseKey Read(ReadOnlyMemory<byte> cbor, out int length)
    {
        var (parameters, consumed) = ReadParameters(cbor);
        length = consumed;
        var key = new CoseKey((int)Math.Clamp(Number(parameters, 3), int.MinValue, int.MaxValue), cbor[..length].ToArray());
        using var _ = key.Build(parameters);
        return key;
    }

    /// <summary>Whether <paramref name="signature"/> signs <paramref name="data"/> with this key.</summary>
    public bool Verify(byte[] data, byte[] signature)
    {
        using var algorithm = Build(ReadParameters(Encoded).Parameters);
        try
        {
            return algorithm switch
            {
                // WebAuthn ECDSA signatures are ASN.1 DER, not the fixed-size IEEE P1363 form.
                ECDsa ec => ec.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
                RSA rsa => rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                _ => false,
            };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private AsymmetricAlgorithm Build(Dictionary<object, object?> parameters)
    {
        var keyType = Number(parameters, 1);
        switch (Algorithm, keyType)
        {
            case (Es256, 2):
                if (Number(parameters, -1) != 1 || parameters.GetValueOrDefault(-2L) is not byte[] { Length: 32 } x || parameters.GetValueOrDefault(-3L) is not byte[] { Length: 32 } y)
                {
                    throw new PasskeyFault("The ES256 key is not a P-256 point of 32-byte coordinates.");
                }

                try
                {
                    return ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
                }
                catch (CryptographicException)
                {
                    throw new PasskeyFault("The ES256 key is not a point on P-256.");
                }

            case (Rs256, 3):
                if (parameters.GetValueOrDefault(-1L) is not byte[] { Length: >= 256 } modulus || parameters.GetValueOrDefault(-2L) is not byte[] { Length: > 0 } exponent)
                {
                    throw new PasskeyFault("The RS256 key has no modulus of at least 2048 bits or no exponent.");
                }

                return RSA.Create(new RSAParameters { Modulus = modulus, Exponent = exponent });
            default:
                throw new PasskeyFault($"COSE algorithm {Algorithm} with key type {keyType} is not ES256 or RS256.", PasskeyFault.NotSupported);
        }
    }

    private static long Number(Dictionary<object, object?> parameters, long label) => parameters.GetValueOrDefault(label) is long number ? number : 0;

    private static (Dictionary<object, object?> Parameters, int Length) ReadParameters(ReadOnlyMemory<byte> cbor)
    {
        var (value, length) = CborTree.Read(cbor, "The COSE key");
        return (CborTree.Map(value, "The COSE key"), length);
    }
}
