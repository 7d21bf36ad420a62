using System.Numerics;

namespace Cognito.IdentityProvider.Srp.Arithmetic;

/// <summary>
/// SRP with <see cref="BigInteger.ModPow(BigInteger, BigInteger, BigInteger)"/>: the fallback where
/// OpenSSL's libcrypto cannot be loaded, and the baseline the benchmarks compare with. About 20 times
/// slower, and not constant-time: ModPow's running time and memory accesses follow the exponent's
/// bits, and the BigInteger copies of a and x cannot be wiped.
/// </summary>
internal sealed class ManagedSrpArithmetic : ISrpArithmetic
{
    public static ManagedSrpArithmetic Instance { get; } = new();

    private ManagedSrpArithmetic()
    {
    }

    public string Name => "Managed";

    public byte[] PowG(ReadOnlySpan<byte> exponent) =>
        SrpEncoding.ToFixed(BigInteger.ModPow(SrpGroup.G, Unsigned(exponent), SrpGroup.N), SrpGroup.ModulusBytes);

    public byte[] ComputeSessionSecret(ReadOnlySpan<byte> serverPublic, ReadOnlySpan<byte> a, ReadOnlySpan<byte> u, ReadOnlySpan<byte> x)
    {
        var n = SrpGroup.N;
        var xValue = Unsigned(x);
        var verifier = BigInteger.ModPow(SrpGroup.G, xValue, n);

        // ModPow keeps the sign of a negative base, so the base is brought into [0, N) first.
        var difference = (Unsigned(serverPublic) - (SrpGroup.K * verifier)) % n;
        var reduced = difference.Sign < 0 ? difference + n : difference;
        var exponent = Unsigned(a) + (Unsigned(u) * xValue);
        return SrpEncoding.ToFixed(BigInteger.ModPow(reduced, exponent, n), SrpGroup.ModulusBytes);
    }

    private static BigInteger Unsigned(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);
}
