using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Cognito.IdentityProvider.Errors;

namespace Cognito.IdentityProvider.ManagedLogin;

/// <summary>Proof Key for Code Exchange (RFC 7636) with the S256 method, the only one we send.</summary>
public static class Pkce
{
    /// <summary>The method name sent as <c>code_challenge_method</c>.</summary>
    public const string Method = "S256";

    /// <summary>A new code verifier: 256 random bits as 43 base64url characters.</summary>
    public static string NewVerifier() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The S256 challenge of <paramref name="verifier"/>: base64url(SHA-256(ASCII(verifier))).</summary>
    public static string ChallengeOf(string verifier)
    {
        Validate(verifier);
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
    }

    /// <summary>Refuses a verifier outside RFC 7636's grammar: 43-128 characters of <c>[A-Za-z0-9-._~]</c>.</summary>
    public static void Validate(string verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        if (verifier.Length is < 43 or > 128 || !verifier.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'))
        {
            throw new InvalidParameterException("A PKCE code verifier is 43-128 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~'.");
        }
    }
}
