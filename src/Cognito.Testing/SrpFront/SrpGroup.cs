using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// The SRP-6a group and primitives Cognito uses (3072-bit MODP prime of RFC 3526 §4, g = 2,
/// SHA-256), written for the server side of the test front. It is deliberately separate from the
/// library's own SRP code so the two can catch each other's mistakes.
/// </summary>
public static class SrpGroup
{
    private const string PrimeHex =
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1" +
        "29024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
        "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245" +
        "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
        "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D" +
        "C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
        "83655D23DCA3AD961C62F356208552BB9ED529077096966D" +
        "670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
        "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9" +
        "DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
        "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64" +
        "ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
        "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B" +
        "F12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
        "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB31" +
        "43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";

    private static readonly byte[] DerivedKeyInfo = Encoding.UTF8.GetBytes("Caldera Derived Key");

    /// <summary>The 3072-bit prime of RFC 5054, which Cognito uses.</summary>
    public static BigInteger N { get; } = FromHex(PrimeHex);

    /// <summary>The generator, 2.</summary>
    public static BigInteger G { get; } = new(2);

    /// <summary>k = H(pad(N) ‖ pad(g)).</summary>
    public static BigInteger K { get; } = ToUnsigned(Hash(Pad(N), Pad(G)));

    /// <summary>Reads hex (any case, any leading zeros) as a non-negative integer.</summary>
    public static BigInteger FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length == 0 || !hex.All(Uri.IsHexDigit))
        {
            throw new FormatException("Not a hexadecimal number.");
        }

        // A leading 0 keeps the parser from reading the top bit as a sign.
        return BigInteger.Parse("0" + hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    /// <summary>Lower-case hex without superfluous leading zeros (at least one digit).</summary>
    public static string ToHex(BigInteger value)
    {
        var hex = Convert.ToHexStringLower(value.ToByteArray(isUnsigned: true, isBigEndian: true)).TrimStart('0');
        return hex.Length == 0 ? "0" : hex;
    }

    /// <summary>
    /// Big-endian bytes, minimal length, with one leading zero byte when the top bit is set —
    /// what Java's <c>BigInteger.toByteArray()</c> gives and what Cognito hashes.
    /// </summary>
    public static byte[] Pad(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "SRP values are never negative.");
        }

        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return bytes[0] >= 0x80 ? [0, .. bytes] : bytes;
    }

    /// <summary>Reads big-endian bytes as a non-negative number.</summary>
    public static BigInteger ToUnsigned(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    /// <summary>SHA-256 of the parts, in order, as a non-negative number.</summary>
    public static byte[] Hash(params byte[][] parts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            sha.AppendData(part);
        }

        return sha.GetHashAndReset();
    }

    /// <summary>x = H(pad(salt) ‖ H(UTF8(prefix ‖ id ‖ ":" ‖ password))); prefix is the pool name, or the device group key.</summary>
    public static BigInteger ComputeX(BigInteger salt, string prefix, string id, string password)
    {
        var inner = Hash(Encoding.UTF8.GetBytes(prefix + id + ":" + password));
        return ToUnsigned(Hash(Pad(salt), inner));
    }

    /// <summary>The verifier Cognito keeps for a password: g^x mod N.</summary>
    public static BigInteger ComputeVerifier(BigInteger salt, string prefix, string id, string password) =>
        BigInteger.ModPow(G, ComputeX(salt, prefix, id, password), N);

    /// <summary>u = H(pad(A) ‖ pad(B)).</summary>
    public static BigInteger ComputeU(BigInteger a, BigInteger b) => ToUnsigned(Hash(Pad(a), Pad(b)));

    /// <summary>
    /// HKDF-SHA256 (RFC 5869) with salt = pad(u) and IKM = pad(S), info "Caldera Derived Key",
    /// first 16 bytes. Written out (extract, then one expand block) rather than through the
    /// framework's HKDF so that it stays an independent reading of the RFC.
    /// </summary>
    public static byte[] DeriveKey(BigInteger s, BigInteger u)
    {
        var prk = HMACSHA256.HashData(Pad(u), Pad(s));
        var block = HMACSHA256.HashData(prk, (byte[])[.. DerivedKeyInfo, 0x01]);
        return block[..16];
    }

    /// <summary>Base64(HMAC-SHA256(key, UTF8(prefix) ‖ UTF8(id) ‖ secretBlock ‖ UTF8(timestamp))).</summary>
    public static string Signature(byte[] key, string prefix, string id, byte[] secretBlock, string timestamp)
    {
        byte[] message = [.. Encoding.UTF8.GetBytes(prefix), .. Encoding.UTF8.GetBytes(id), .. secretBlock, .. Encoding.UTF8.GetBytes(timestamp)];
        return Convert.ToBase64String(HMACSHA256.HashData(key, message));
    }

    /// <summary>A random integer of <paramref name="bytes"/> bytes from a CSPRNG, reduced into [1, N).</summary>
    public static BigInteger RandomExponent(int bytes = 128)
    {
        while (true)
        {
            var value = ToUnsigned(RandomNumberGenerator.GetBytes(bytes)) % N;
            if (!value.IsZero)
            {
                return value;
            }
        }
    }

    /// <summary>Reduces into [0, N): <see cref="BigInteger.ModPow"/> and % keep the sign of a negative operand.</summary>
    public static BigInteger Mod(BigInteger value)
    {
        var r = value % N;
        return r.Sign < 0 ? r + N : r;
    }
}
