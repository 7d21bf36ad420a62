using System.Numerics;
using System.Security.Cryptography;

namespace Cognito.IdentityProvider.Srp;

/// <summary>
/// The group Cognito's SRP-6a uses: the 3072-bit MODP prime of RFC 3526 section 4 (group 15) with
/// generator 2 (not the 5 that RFC 5054 pairs with the same prime), and SHA-256.
/// </summary>
internal static class SrpGroup
{
    /// <summary>Bytes of N; every value mod N is written with this many bytes before <c>pad</c> trims it.</summary>
    public const int ModulusBytes = 384;

    /// <summary>Bytes of the client's secret ephemeral <c>a</c>, as AWS's clients draw it.</summary>
    public const int EphemeralBytes = 128;

    public const int Generator = 2;

    private const string ModulusHex =
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
        + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
        + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
        + "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
        + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
        + "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
        + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
        + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";

    // Static initialisers run in text order, so these come before the properties built from them.
    private static readonly byte[] NBytes = Convert.FromHexString(ModulusHex);

    private static readonly byte[] KBytes = SHA256.HashData([.. SrpEncoding.Pad(NBytes), .. SrpEncoding.Pad([Generator])]);

    /// <summary>N, unsigned big-endian.</summary>
    public static ReadOnlySpan<byte> ModulusBigEndian => NBytes;

    public static BigInteger N { get; } = new(NBytes, isUnsigned: true, isBigEndian: true);

    public static BigInteger G { get; } = Generator;

    /// <summary>k = H(pad(N) ‖ pad(g)), unsigned big-endian (32 bytes).</summary>
    public static ReadOnlySpan<byte> MultiplierBigEndian => KBytes;

    public static BigInteger K { get; } = new(KBytes, isUnsigned: true, isBigEndian: true);
}
