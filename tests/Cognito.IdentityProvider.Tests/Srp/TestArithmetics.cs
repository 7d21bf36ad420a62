using Cognito.IdentityProvider.Srp;
using Cognito.IdentityProvider.Srp.Arithmetic;

namespace Cognito.IdentityProvider.Tests.Srp;

/// <summary>The arithmetics the SRP tests run on, and a stand-in that returns what it is told.</summary>
internal static class TestArithmetics
{
    /// <summary>OpenSSL's; on Linux its absence fails the test instead of quietly testing the fallback twice.</summary>
    public static ISrpArithmetic Native
    {
        get
        {
            Assert.True(!OperatingSystem.IsLinux() || OpenSslSrpArithmetic.Instance is not null, "OpenSSL's libcrypto could not be used on Linux.");
            return OpenSslSrpArithmetic.Instance ?? (ISrpArithmetic)ManagedSrpArithmetic.Instance;
        }
    }

    public static ISrpArithmetic Managed => ManagedSrpArithmetic.Instance;

    public static TheoryData<string> Names => new() { "OpenSSL", "Managed" };

    public static ISrpArithmetic ByName(string name) => name == "Managed" ? Managed : Native;

    public sealed class Fixed(byte[] powG) : ISrpArithmetic
    {
        public string Name => "Fixed";

        public byte[] PowG(ReadOnlySpan<byte> exponent) => powG.ToArray();

        public byte[] ComputeSessionSecret(ReadOnlySpan<byte> serverPublic, ReadOnlySpan<byte> a, ReadOnlySpan<byte> u, ReadOnlySpan<byte> x) =>
            new byte[SrpGroup.ModulusBytes];
    }
}
