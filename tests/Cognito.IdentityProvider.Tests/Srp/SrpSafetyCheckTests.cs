using System.Globalization;
using System.Numerics;
using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Srp;
using Microsoft.Extensions.Time.Testing;

namespace Cognito.IdentityProvider.Tests.Srp;

/// <summary>SRP-6a's refusals: A ≡ 0 or B ≡ 0 (mod N), u = 0, each a <see cref="CognitoSrpException"/>.</summary>
public sealed class SrpSafetyCheckTests
{
    private static readonly byte[] SomeA = Convert.FromHexString("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

    public static TheoryData<string, string> ZeroServerValues
    {
        get
        {
            var n = SrpGroup.N;
            var data = new TheoryData<string, string>();
            foreach (var name in TestArithmetics.Names)
            {
                foreach (var b in new[] { "0", "0000", "-0", Hex(n), "-" + Hex(n), Hex(2 * n), Hex(n * n), "00" + Hex(n) })
                {
                    data.Add(name, b);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ZeroServerValues))]
    public void B_congruent_to_zero_is_refused(string arithmetic, string srpB)
    {
        var backend = TestArithmetics.ByName(arithmetic);
        var a = SrpCalculator.NewEphemeral();
        var error = Assert.Throws<CognitoSrpException>(() =>
            SrpCalculator.Compute(backend, a, SrpCalculator.ComputeLargeA(backend, a), srpB, "abcd", "AAEC", "Pool1", "user", "password", "Wed May 7 00:09:40 UTC 2025"));
        AssertCheck(error, SrpCheck.ServerPublicValueZero);
    }

    [Fact]
    public void A_congruent_to_zero_is_refused()
    {
        // 2^a mod a prime is never 0, so a stand-in arithmetic hands over A = 0, N and 2N.
        var n = SrpGroup.N;
        foreach (var largeA in new[] { new byte[SrpGroup.ModulusBytes], SrpEncoding.ToFixed(n, SrpGroup.ModulusBytes), (2 * n).ToByteArray(isUnsigned: true, isBigEndian: true) })
        {
            AssertCheck(Assert.Throws<CognitoSrpException>(() => SrpCalculator.ComputeLargeA(new TestArithmetics.Fixed(largeA), SomeA)), SrpCheck.ClientPublicValueZero);
            AssertCheck(
                Assert.Throws<CognitoSrpException>(() => SrpCalculator.Compute(TestArithmetics.Native, SomeA, largeA, "1234", "abcd", "AAEC", "Pool1", "user", "password", "t")),
                SrpCheck.ClientPublicValueZero);
        }
    }

    [Fact]
    public void Starting_an_attempt_whose_a_is_zero_mod_n_fails()
    {
        var srp = new CognitoSrp(TimeProvider.System, new TestArithmetics.Fixed(new byte[SrpGroup.ModulusBytes]));
        AssertCheck(Assert.Throws<CognitoSrpException>(srp.StartAttempt), SrpCheck.ClientPublicValueZero);
    }

    [Theory]
    [MemberData(nameof(TestArithmetics.Names), MemberType = typeof(TestArithmetics))]
    public void U_of_zero_is_refused(string arithmetic)
    {
        var backend = TestArithmetics.ByName(arithmetic);
        var a = SrpCalculator.NewEphemeral();
        var largeA = SrpCalculator.ComputeLargeA(backend, a);
        var error = Assert.Throws<CognitoSrpException>(() => SrpCalculator.ComputeWithScrambler(
            backend, a, largeA, SrpEncoding.ToFixed(12345, SrpGroup.ModulusBytes), new byte[32], [0x01], [0x02], "Pool1", "user", "password", "t"));
        AssertCheck(error, SrpCheck.ScramblingParameterZero);
    }

    [Fact]
    public void A_refused_answer_spends_the_attempt()
    {
        var srp = new CognitoSrp(new FakeTimeProvider(), TestArithmetics.Native);
        using var attempt = srp.StartAttempt();
        var parameters = new Dictionary<string, string>
        {
            ["SALT"] = "abcd",
            ["SRP_B"] = Hex(SrpGroup.N),
            ["SECRET_BLOCK"] = "AAEC",
            ["USER_ID_FOR_SRP"] = "user",
            ["USERNAME"] = "user",
        };
        var pool = UserPoolId.Parse("eu-west-1_Pool1");
        AssertCheck(Assert.Throws<CognitoSrpException>(() => attempt.RespondToPasswordVerifier(parameters, pool, "password")), SrpCheck.ServerPublicValueZero);
        Assert.True(attempt.IsSpent);
        parameters["SRP_B"] = "1234";
        Assert.Throws<InvalidOperationException>(() => attempt.RespondToPasswordVerifier(parameters, pool, "password"));
    }

    private static void AssertCheck(CognitoSrpException error, SrpCheck check)
    {
        Assert.Equal(check, error.Check);
        Assert.Equal(CognitoSrpException.Code, error.ErrorCode);
        Assert.Equal(check.ToString(), error.Data[CognitoSrpException.CheckKey]);
        Assert.IsAssignableFrom<CognitoException>(error);
    }

    private static string Hex(BigInteger value) => value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
}
