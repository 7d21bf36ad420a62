using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Srp;
using Cognito.IdentityProvider.Srp.Arithmetic;

namespace Cognito.Benchmarks;

/// <summary>
/// The client-side computation of one SRP login: a, A, then u, x, S, the key and the signature
/// (plus the answer's dictionary), with <see cref="System.Numerics.BigInteger.ModPow"/> as the
/// baseline and with OpenSSL. "Login" is everything a request path pays; "StartAttempt" and
/// "Challenge" split it into the part before InitiateAuth (a, A) and the part after the
/// PASSWORD_VERIFIER challenge.
/// </summary>
/// <remarks>Not sealed: BenchmarkDotNet derives from benchmark classes.</remarks>
[MedianColumn]
[MinColumn]
[MaxColumn]
public class SrpLoginBenchmarks
{
    private const string Password = "correct horse battery staple";
    private static readonly UserPoolId Pool = UserPoolId.Parse("eu-west-1_AbC123xyZ");

    private readonly Dictionary<string, string> _challenge = new()
    {
        ["SALT"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        ["SRP_B"] = Convert.ToHexStringLower(RandomBelowN()),
        ["SECRET_BLOCK"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(1024)),
        ["USER_ID_FOR_SRP"] = "3a1f9e2c-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
        ["USERNAME"] = "3a1f9e2c-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
    };

    private CognitoSrp _srp = null!;
    private byte[] _a = null!;
    private byte[] _largeA = null!;

    [Params("Managed", "OpenSSL")]
    public string Arithmetic { get; set; } = "OpenSSL";

    [GlobalSetup]
    public void Setup()
    {
        var arithmetic = Arithmetic == "Managed"
            ? SrpArithmetic.Select(disableNative: true)
            : OpenSslSrpArithmetic.Instance ?? throw new InvalidOperationException("OpenSSL's libcrypto is not usable here.");
        _srp = new CognitoSrp(TimeProvider.System, arithmetic);
        _a = RandomNumberGenerator.GetBytes(128);
        _largeA = arithmetic.PowG(_a);
    }

    /// <summary>Everything on the request path: a fresh a and A, then the answer to the challenge.</summary>
    [Benchmark]
    public IReadOnlyDictionary<string, string> Login()
    {
        using var attempt = _srp.StartAttempt();
        return attempt.RespondToPasswordVerifier(_challenge, Pool, Password);
    }

    /// <summary>a from the CSPRNG and A = g^a mod N.</summary>
    [Benchmark]
    public string StartAttempt()
    {
        using var attempt = _srp.StartAttempt();
        return attempt.SrpA;
    }

    /// <summary>The answer with A already computed: u, x, S, the key and the signature.</summary>
    [Benchmark]
    public string Challenge() =>
        SrpCalculator.Compute(_srp.Arithmetic, _a, _largeA, _challenge["SRP_B"], _challenge["SALT"], _challenge["SECRET_BLOCK"], Pool.PoolName, _challenge["USER_ID_FOR_SRP"], Password, "Wed May 7 00:09:40 UTC 2025").Signature;

    private static byte[] RandomBelowN()
    {
        var b = RandomNumberGenerator.GetBytes(384);
        b[0] &= 0x7F;
        return b;
    }
}
