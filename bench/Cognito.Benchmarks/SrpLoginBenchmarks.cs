using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Srp;
using Cognito.IdentityProvider.Srp.Arithmetic;

namespace Cognito.Benchmarks;

/// <summary>
/// The client-side computation of one SRP login, with <see cref="System.Numerics.BigInteger.ModPow"/>
/// (the baseline of each category) and with OpenSSL. "Login" is everything a request path pays: a
/// fresh a and A, then u, x, S, the key, the signature and the answer's dictionary. "StartAttempt"
/// (a and A, paid before InitiateAuth) and "Challenge" (the rest, with A already computed) split it.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MedianColumn]
[MinColumn]
[MaxColumn]
public class SrpLoginBenchmarks
{
    private const string Password = "correct horse battery staple";
    private const string Timestamp = "Wed May 7 00:09:40 UTC 2025";
    private static readonly UserPoolId Pool = UserPoolId.Parse("eu-west-1_AbC123xyZ");

    private readonly Dictionary<string, string> _challenge = new()
    {
        ["SALT"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        ["SRP_B"] = Convert.ToHexStringLower(RandomBelowN()),
        ["SECRET_BLOCK"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(1024)),
        ["USER_ID_FOR_SRP"] = "3a1f9e2c-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
        ["USERNAME"] = "3a1f9e2c-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
    };

    private readonly byte[] _a = RandomNumberGenerator.GetBytes(128);
    private CognitoSrp _managed = null!;
    private CognitoSrp _native = null!;
    private byte[] _largeA = null!;

    [GlobalSetup]
    public void Setup()
    {
        _managed = new CognitoSrp(TimeProvider.System, SrpArithmetic.Select(disableNative: true));
        _native = new CognitoSrp(TimeProvider.System, OpenSslSrpArithmetic.Instance ?? throw new InvalidOperationException("OpenSSL's libcrypto is not usable here."));
        _largeA = _native.Arithmetic.PowG(_a);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Login")]
    public IReadOnlyDictionary<string, string> LoginBigInteger() => Login(_managed);

    [Benchmark]
    [BenchmarkCategory("Login")]
    public IReadOnlyDictionary<string, string> LoginOpenSsl() => Login(_native);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("StartAttempt")]
    public string StartAttemptBigInteger() => StartAttempt(_managed);

    [Benchmark]
    [BenchmarkCategory("StartAttempt")]
    public string StartAttemptOpenSsl() => StartAttempt(_native);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Challenge")]
    public string ChallengeBigInteger() => Challenge(_managed);

    [Benchmark]
    [BenchmarkCategory("Challenge")]
    public string ChallengeOpenSsl() => Challenge(_native);

    private IReadOnlyDictionary<string, string> Login(CognitoSrp srp)
    {
        using var attempt = srp.StartAttempt();
        return attempt.RespondToPasswordVerifier(_challenge, Pool, Password);
    }

    private static string StartAttempt(CognitoSrp srp)
    {
        using var attempt = srp.StartAttempt();
        return attempt.SrpA;
    }

    // The library never answers twice with one a; a benchmark may, through the internal calculator.
    private string Challenge(CognitoSrp srp) =>
        SrpCalculator.Compute(srp.Arithmetic, _a, _largeA, _challenge["SRP_B"], _challenge["SALT"], _challenge["SECRET_BLOCK"], Pool.PoolName, _challenge["USER_ID_FOR_SRP"], Password, Timestamp).Signature;

    private static byte[] RandomBelowN()
    {
        var b = RandomNumberGenerator.GetBytes(384);
        b[0] &= 0x7F;
        return b;
    }
}
