using System.Security.Cryptography;
using Cognito.IdentityProvider.Srp;
using Cognito.IdentityProvider.Srp.Arithmetic;

namespace Cognito.IdentityProvider.Tests.Srp;

/// <summary>OpenSSL's arithmetic (comb and constant-time exponentiation) against the managed fallback.</summary>
public sealed class SrpArithmeticTests
{
    private static readonly int[] ExponentLengths = [0, 1, 2, 16, 31, 32, 33, 64, 100, 127, 128, 129, 200];

    [Fact]
    public void Linux_gets_the_native_arithmetic_and_the_switch_turns_it_off()
    {
        if (OperatingSystem.IsLinux())
        {
            Assert.IsType<OpenSslSrpArithmetic>(SrpArithmetic.Default);
            Assert.IsType<OpenSslSrpArithmetic>(new CognitoSrp().Arithmetic);
        }

        Assert.IsType<ManagedSrpArithmetic>(SrpArithmetic.Select(disableNative: true));
    }

    [Fact]
    public void PowG_is_identical_for_every_exponent_length()
    {
        var native = TestArithmetics.Native;
        var random = new Random(7);
        foreach (var length in ExponentLengths)
        {
            for (var i = 0; i < 4; i++)
            {
                var exponent = new byte[length];
                random.NextBytes(exponent);
                AssertSame(exponent, native.PowG(exponent), ManagedSrpArithmetic.Instance.PowG(exponent));
            }
        }
    }

    [Fact]
    public void PowG_is_identical_for_extreme_exponents()
    {
        var native = TestArithmetics.Native;
        foreach (var length in new[] { 32, 128 })
        {
            var ones = Enumerable.Repeat((byte)0xFF, length).ToArray();
            var zero = new byte[length];
            var one = new byte[length];
            one[^1] = 1;
            var top = new byte[length];
            top[0] = 0x80;
            var alternating = Enumerable.Repeat((byte)0xAA, length).ToArray();
            foreach (var exponent in new[] { ones, zero, one, top, alternating })
            {
                AssertSame(exponent, native.PowG(exponent), ManagedSrpArithmetic.Instance.PowG(exponent));
            }
        }

        Assert.Equal(SrpEncoding.ToFixed(1, SrpGroup.ModulusBytes), native.PowG([]));
    }

    [Fact]
    public void The_session_secret_is_identical()
    {
        var native = TestArithmetics.Native;
        var random = new Random(11);
        for (var i = 0; i < 12; i++)
        {
            var b = RandomBelowN(random);
            var a = RandomBytes(random, 128);
            var u = RandomBytes(random, 32);
            var x = RandomBytes(random, 32);
            AssertSame(b, native.ComputeSessionSecret(b, a, u, x), ManagedSrpArithmetic.Instance.ComputeSessionSecret(b, a, u, x));
        }
    }

    [Fact]
    public void The_session_secret_is_identical_at_the_edges_of_b()
    {
        var native = TestArithmetics.Native;
        var random = new Random(13);
        var a = RandomBytes(random, 128);
        var u = RandomBytes(random, 32);
        var x = RandomBytes(random, 32);

        // B = k·v makes the base 0 (S = 0); B = 1 and N − 1 make it wrap below zero.
        var kv = SrpEncoding.ToFixed(SrpGroup.K * new System.Numerics.BigInteger(ManagedSrpArithmetic.Instance.PowG(x), isUnsigned: true, isBigEndian: true) % SrpGroup.N, SrpGroup.ModulusBytes);
        foreach (var b in new[] { SrpEncoding.ToFixed(1, SrpGroup.ModulusBytes), SrpEncoding.ToFixed(SrpGroup.N - 1, SrpGroup.ModulusBytes), kv })
        {
            AssertSame(b, native.ComputeSessionSecret(b, a, u, x), ManagedSrpArithmetic.Instance.ComputeSessionSecret(b, a, u, x));
        }

        Assert.True(SrpEncoding.IsZero(native.ComputeSessionSecret(kv, a, u, x)));
    }

    [Fact]
    public void Whole_logins_are_identical()
    {
        var random = new Random(17);
        for (var i = 0; i < 6; i++)
        {
            var a = RandomBytes(random, 128);
            var b = Convert.ToHexStringLower(RandomBytes(random, 384));
            var salt = Convert.ToHexStringLower(RandomBytes(random, 16));
            var results = new[] { TestArithmetics.Native, TestArithmetics.Managed }
                .Select(arithmetic => SrpCalculator.Compute(arithmetic, a, SrpCalculator.ComputeLargeA(arithmetic, a), b, salt, "c2VjcmV0", "Pool1", "user-1", "pässword", "Wed May 7 00:09:40 UTC 2025"))
                .ToArray();
            Assert.Equal(results[1].LargeA, results[0].LargeA);
            Assert.Equal(results[1].U, results[0].U);
            Assert.Equal(results[1].X, results[0].X);
            Assert.Equal(results[1].S, results[0].S);
            Assert.Equal(results[1].Key, results[0].Key);
            Assert.Equal(results[1].Signature, results[0].Signature);
        }
    }

    [Fact]
    public async Task The_native_arithmetic_is_safe_to_share_between_threads()
    {
        var native = TestArithmetics.Native;
        var exponents = Enumerable.Range(0, 64).Select(i => RandomNumberGenerator.GetBytes(i % 2 == 0 ? 128 : 32)).ToArray();
        var expected = exponents.Select(e => ManagedSrpArithmetic.Instance.PowG(e)).ToArray();
        var results = await Task.WhenAll(exponents.Select(e => Task.Run(() => native.PowG(e))));
        for (var i = 0; i < exponents.Length; i++)
        {
            Assert.Equal(expected[i], results[i]);
        }
    }

    private static void AssertSame(byte[] input, byte[] native, byte[] managed)
    {
        Assert.Equal(SrpGroup.ModulusBytes, native.Length);
        Assert.True(managed.AsSpan().SequenceEqual(native), $"native and managed differ for {Convert.ToHexStringLower(input)}");
    }

    private static byte[] RandomBelowN(Random random)
    {
        var b = RandomBytes(random, SrpGroup.ModulusBytes);
        b[0] &= 0x7F;
        return b;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
