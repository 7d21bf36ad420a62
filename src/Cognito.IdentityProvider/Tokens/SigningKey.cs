using System.Security.Cryptography;

namespace Cognito.IdentityProvider.Tokens;

/// <summary>
/// One RS256 public key of the pool, imported into an <see cref="RSA"/> object once when the JWKS is
/// read, so a verification costs the signature check and nothing else. Public-key verification on
/// one <see cref="RSA"/> object is safe from many threads at once: it never changes the key, and
/// OpenSSL (and CNG) make a fresh context per operation.
/// </summary>
internal sealed class SigningKey
{
    public SigningKey(string kid, RSAParameters parameters)
    {
        Kid = kid;
        Rsa = RSA.Create(parameters);
    }

    public string Kid { get; }

    public RSA Rsa { get; }

    /// <summary>Whether <paramref name="signature"/> is this key's RS256 (PKCS#1 v1.5, SHA-256) signature over <paramref name="sha256"/>.</summary>
    public bool Verifies(ReadOnlySpan<byte> sha256, ReadOnlySpan<byte> signature)
    {
        try
        {
            return Rsa.VerifyHash(sha256, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            // A signature of the wrong length, say: not this key's signature either way.
            return false;
        }
    }
}
