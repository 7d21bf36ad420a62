using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Cognito.IdentityProvider.Srp.Arithmetic;

namespace Cognito.Benchmarks;

/// <summary>
/// The exponentiations inside a login, one by one: g^a (1024-bit a) and g^x (256-bit x) by the
/// fixed-base comb, g^a through OpenSSL's general constant-time exponentiation for comparison
/// (a 129-byte exponent takes that path), and S.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MedianColumn]
public class SrpArithmeticBenchmarks
{
    private readonly byte[] _a = RandomNumberGenerator.GetBytes(128);
    private readonly byte[] _x = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _u = RandomNumberGenerator.GetBytes(32);
    private byte[] _aGeneral = null!;
    private byte[] _b = null!;
    private ISrpArithmetic _arithmetic = null!;

    [Params("Managed", "OpenSSL")]
    public string Arithmetic { get; set; } = "OpenSSL";

    [GlobalSetup]
    public void Setup()
    {
        _arithmetic = Arithmetic == "Managed"
            ? SrpArithmetic.Select(disableNative: true)
            : OpenSslSrpArithmetic.Instance ?? throw new InvalidOperationException("OpenSSL's libcrypto is not usable here.");
        _aGeneral = [0, .. _a];
        _b = RandomNumberGenerator.GetBytes(384);
        _b[0] &= 0x7F;
    }

    [Benchmark]
    public byte[] PowGOfA() => _arithmetic.PowG(_a);

    [Benchmark]
    public byte[] PowGOfAGeneral() => _arithmetic.PowG(_aGeneral);

    [Benchmark]
    public byte[] PowGOfX() => _arithmetic.PowG(_x);

    [Benchmark]
    public byte[] SessionSecret() => _arithmetic.ComputeSessionSecret(_b, _a, _u, _x);
}
