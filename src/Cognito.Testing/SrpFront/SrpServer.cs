using System.Numerics;
using System.Security.Cryptography;

namespace Cognito.Testing.SrpFront;

/// <summary>The server half of SRP-6a as Cognito runs it: B from the verifier, then the client's proof checked.</summary>
public static class SrpServer
{
    /// <summary>A fresh server ephemeral: random b, B = (k·v + g^b) mod N (never 0 mod N).</summary>
    public static (BigInteger PrivateB, BigInteger PublicB) NewEphemeral(BigInteger verifier)
    {
        while (true)
        {
            var b = SrpGroup.RandomExponent();
            var publicB = SrpGroup.Mod((SrpGroup.K * verifier) + BigInteger.ModPow(SrpGroup.G, b, SrpGroup.N));
            if (!publicB.IsZero)
            {
                return (b, publicB);
            }
        }
    }

    /// <summary>
    /// The 16-byte key both sides should share: S = (A·v^u)^b mod N, then HKDF. Null when A is
    /// 0 mod N or u is 0 (a client sending such values is attacking the protocol).
    /// </summary>
    public static byte[]? SessionKey(BigInteger publicA, BigInteger publicB, BigInteger privateB, BigInteger verifier)
    {
        if (SrpGroup.Mod(publicA).IsZero)
        {
            return null;
        }

        var u = SrpGroup.ComputeU(publicA, publicB);
        if (u.IsZero)
        {
            return null;
        }

        var baseValue = SrpGroup.Mod(publicA * BigInteger.ModPow(verifier, u, SrpGroup.N));
        var s = BigInteger.ModPow(baseValue, privateB, SrpGroup.N);
        return SrpGroup.DeriveKey(s, u);
    }

    /// <summary>Checks PASSWORD_CLAIM_SIGNATURE in constant time; a signature that is not base64 is simply wrong.</summary>
    public static bool IsValidClaim(byte[] key, string prefix, string id, byte[] secretBlock, string timestamp, string claimedSignature)
    {
        var expected = Convert.FromBase64String(SrpGroup.Signature(key, prefix, id, secretBlock, timestamp));
        var claimed = new byte[expected.Length + 8];
        if (!Convert.TryFromBase64String(claimedSignature, claimed, out var written) || written != expected.Length)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, claimed.AsSpan(0, written));
    }
}
