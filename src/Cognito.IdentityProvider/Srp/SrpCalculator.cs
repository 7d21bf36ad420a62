using System.Numerics;
using System.Security.Cryptography;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Srp.Arithmetic;

namespace Cognito.IdentityProvider.Srp;

/// <summary>
/// The client's side of Cognito's SRP-6a from inputs to signature, every step visible to tests.
/// <see cref="SrpAttempt"/> and <see cref="CognitoSrp"/> wrap it with randomness, the clock and the
/// answer's parameter names.
/// </summary>
internal static class SrpCalculator
{
    public const int DeviceSaltBytes = 16;
    private const int DevicePasswordBytes = 40;

    /// <summary>A fresh secret ephemeral a: 128 bytes from the CSPRNG, in memory the GC never copies.</summary>
    public static byte[] NewEphemeral()
    {
        var a = GC.AllocateArray<byte>(SrpGroup.EphemeralBytes, pinned: true);
        RandomNumberGenerator.Fill(a);
        return a;
    }

    /// <summary>A = g^a mod N (384 bytes), refused if 0 mod N.</summary>
    public static byte[] ComputeLargeA(ISrpArithmetic arithmetic, ReadOnlySpan<byte> a)
    {
        var largeA = arithmetic.PowG(a);
        EnsureClientPublicValue(largeA);
        return largeA;
    }

    public static void EnsureClientPublicValue(ReadOnlySpan<byte> largeA)
    {
        if ((new BigInteger(largeA, isUnsigned: true, isBigEndian: true) % SrpGroup.N).IsZero)
        {
            throw new CognitoSrpException(SrpCheck.ClientPublicValueZero, "The client's SRP value A is 0 mod N; the attempt is abandoned.");
        }
    }

    /// <summary>
    /// Everything from the server's challenge to the signature. <paramref name="srpB"/> and
    /// <paramref name="salt"/> are the hex texts as sent (a leading '-' is read as AWS's JS client
    /// reads it); <paramref name="secretBlock"/> is base64.
    /// </summary>
    public static SrpComputation Compute(
        ISrpArithmetic arithmetic,
        ReadOnlySpan<byte> a,
        ReadOnlySpan<byte> largeA,
        string srpB,
        string salt,
        string secretBlock,
        string poolName,
        string userId,
        string password,
        string timestamp)
    {
        EnsureClientPublicValue(largeA);
        var b = SrpEncoding.ParseHex(srpB, SrpParameterNames.SrpB);
        var reducedB = BigInteger.Remainder(b, SrpGroup.N);
        if (reducedB.Sign < 0)
        {
            reducedB += SrpGroup.N;
        }

        if (reducedB.IsZero)
        {
            throw new CognitoSrpException(SrpCheck.ServerPublicValueZero, "The server's SRP_B is 0 mod N; the attempt is abandoned.");
        }

        // u hashes B as sent (not reduced), as AWS's JS client and Cognito do.
        var u = SrpProof.Scrambler(SrpEncoding.Pad(largeA), SrpEncoding.Pad(b));
        var paddedSalt = SrpEncoding.Pad(SrpEncoding.ParseHex(salt, SrpParameterNames.Salt));
        return ComputeWithScrambler(
            arithmetic,
            a,
            largeA,
            SrpEncoding.ToFixed(reducedB, SrpGroup.ModulusBytes),
            u,
            paddedSalt,
            DecodeSecretBlock(secretBlock),
            poolName,
            userId,
            password,
            timestamp);
    }

    /// <summary>The steps that use u, apart so that tests can hand it a u of 0.</summary>
    internal static SrpComputation ComputeWithScrambler(
        ISrpArithmetic arithmetic,
        ReadOnlySpan<byte> a,
        ReadOnlySpan<byte> largeA,
        byte[] reducedB,
        byte[] u,
        byte[] paddedSalt,
        byte[] secretBlock,
        string poolName,
        string userId,
        string password,
        string timestamp)
    {
        if (SrpEncoding.IsZero(u))
        {
            throw new CognitoSrpException(SrpCheck.ScramblingParameterZero, "The SRP scrambling parameter u is 0; the attempt is abandoned.");
        }

        var x = SrpProof.PrivateKey(paddedSalt, poolName, userId, password);
        var s = arithmetic.ComputeSessionSecret(reducedB, a, u, x);
        var paddedS = SrpEncoding.Pad(s);
        var key = SrpProof.SessionKey(paddedS, SrpEncoding.Pad(u));
        CryptographicOperations.ZeroMemory(paddedS);
        var signature = SrpProof.Signature(key, poolName, userId, secretBlock, timestamp);
        return new SrpComputation(largeA.ToArray(), u, x, s, key, signature, timestamp);
    }

    /// <summary>A device's verifier for ConfirmDevice from a given password and salt (tests fix both).</summary>
    public static DeviceVerifier CreateDeviceVerifier(ISrpArithmetic arithmetic, string deviceGroupKey, string deviceKey, string devicePassword, ReadOnlySpan<byte> salt)
    {
        var paddedSalt = SrpEncoding.Pad(salt);
        var x = SrpProof.PrivateKey(paddedSalt, deviceGroupKey, deviceKey, devicePassword);
        try
        {
            var verifier = SrpEncoding.Pad(arithmetic.PowG(x));
            return new DeviceVerifier(devicePassword, Convert.ToBase64String(verifier), Convert.ToBase64String(paddedSalt));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(x);
        }
    }

    /// <summary>
    /// 16 random bytes whose top bit is clear and first byte is not zero, so the salt reads as a
    /// positive number and <c>pad</c> leaves it exactly as sent: whatever way Cognito turns the
    /// bytes into a number and back, it hashes what the client hashed.
    /// </summary>
    public static byte[] NewDeviceSalt()
    {
        var salt = new byte[DeviceSaltBytes];
        do
        {
            RandomNumberGenerator.Fill(salt);
            salt[0] &= 0x7F;
        }
        while (salt[0] == 0);

        return salt;
    }

    /// <summary>A random device password: 40 CSPRNG bytes in base64, as AWS's clients make it.</summary>
    public static string NewDevicePassword()
    {
        Span<byte> random = stackalloc byte[DevicePasswordBytes];
        RandomNumberGenerator.Fill(random);
        var password = Convert.ToBase64String(random);
        CryptographicOperations.ZeroMemory(random);
        return password;
    }

    private static byte[] DecodeSecretBlock(string secretBlock)
    {
        try
        {
            return Convert.FromBase64String(secretBlock);
        }
        catch (FormatException exception)
        {
            throw new CognitoProtocolException($"The challenge parameter {SrpParameterNames.SecretBlock} is not base64.", exception);
        }
    }
}
