using System.Numerics;
using Cognito.Testing.SrpFront;

namespace Cognito.Testing.Tests.Support;

/// <summary>
/// The client half of Cognito's SRP, for driving the front from C# where a test needs to bend the
/// rules (a leading-zero day, a skewed clock, a wrong SECRET_HASH). The cross-check of the maths
/// itself is AWS's own JS client (<see cref="JsCognitoClient"/>).
/// </summary>
public sealed class SrpTestClient
{
    private readonly BigInteger _a = SrpGroup.RandomExponent();

    public SrpTestClient() => PublicA = BigInteger.ModPow(SrpGroup.G, _a, SrpGroup.N);

    public BigInteger PublicA { get; }

    public string SrpA => SrpGroup.ToHex(PublicA);

    /// <summary>PASSWORD_CLAIM_SIGNATURE for a challenge: prefix is the pool name (or device group key), id the USER_ID_FOR_SRP (or device key).</summary>
    public string Sign(string prefix, string id, string password, string saltHex, string srpBHex, string secretBlock, string timestamp)
    {
        var salt = SrpGroup.FromHex(saltHex);
        var publicB = SrpGroup.FromHex(srpBHex);
        var x = SrpGroup.ComputeX(salt, prefix, id, password);
        var u = SrpGroup.ComputeU(PublicA, publicB);
        var baseValue = SrpGroup.Mod(publicB - (SrpGroup.K * BigInteger.ModPow(SrpGroup.G, x, SrpGroup.N)));
        var s = BigInteger.ModPow(baseValue, _a + (u * x), SrpGroup.N);
        return SrpGroup.Signature(SrpGroup.DeriveKey(s, u), prefix, id, Convert.FromBase64String(secretBlock), timestamp);
    }
}
