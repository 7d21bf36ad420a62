using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Cognito.IdentityProvider.Tokens;

/// <summary>The RS256 signing keys of a JWKS, by <c>kid</c>.</summary>
internal static class JwksKeys
{
    /// <summary>Reads a JWKS; keys that cannot verify RS256 (other types, encryption keys, no kid) are left out.</summary>
    /// <returns>The keys, or null with <paramref name="problem"/> when the text is not a JWKS with at least one such key.</returns>
    public static FrozenDictionary<string, SigningKey>? Parse(string json, out string? problem)
    {
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(json);
        }
        catch (Exception)
        {
            problem = "it is not a JSON Web Key Set";
            return null;
        }

        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var key in set.Keys)
        {
            if (key.Kty != JsonWebAlgorithmsKeyTypes.RSA
                || string.IsNullOrEmpty(key.Kid)
                || (key.Use is { Length: > 0 } use && use != JsonWebKeyUseNames.Sig)
                || (key.Alg is { Length: > 0 } alg && alg != SecurityAlgorithms.RsaSha256)
                || string.IsNullOrEmpty(key.N)
                || string.IsNullOrEmpty(key.E))
            {
                continue;
            }

            try
            {
                var parameters = new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(key.N), Exponent = Base64UrlEncoder.DecodeBytes(key.E) };
                if (!keys.ContainsKey(key.Kid))
                {
                    keys.Add(key.Kid, new SigningKey(key.Kid, parameters));
                }
            }
            catch (Exception e) when (e is FormatException or CryptographicException)
            {
                // One broken key must not take the pool's other keys down with it.
            }
        }

        if (keys.Count == 0)
        {
            problem = "it has no RSA signing key with a kid";
            return null;
        }

        problem = null;
        return keys.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
