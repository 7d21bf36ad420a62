using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Cognito.IdentityProvider.Srp;

/// <summary>The SHA-256 steps of Cognito's SRP: u, x, the session key and the password claim signature.</summary>
internal static class SrpProof
{
    public const int SessionKeyBytes = 16;

    private static ReadOnlySpan<byte> DerivedKeyInfo => "Caldera Derived Key"u8;

    /// <summary>u = H(pad(A) ‖ pad(B)).</summary>
    public static byte[] Scrambler(ReadOnlySpan<byte> paddedA, ReadOnlySpan<byte> paddedB)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(paddedA);
        hash.AppendData(paddedB);
        return hash.GetHashAndReset();
    }

    /// <summary>x = H(pad(salt) ‖ H(UTF8(poolName ‖ userId ‖ ":" ‖ password))).</summary>
    /// <remarks>
    /// The inner text is encoded as one string, as AWS's JS client does, so that UTF-8 treats a
    /// surrogate pair split across two parts the same way. The password's copies are wiped.
    /// </remarks>
    public static byte[] PrivateKey(ReadOnlySpan<byte> paddedSalt, string poolName, string userId, string password)
    {
        var length = poolName.Length + userId.Length + 1 + password.Length;
        var chars = ArrayPool<char>.Shared.Rent(length);
        var text = chars.AsSpan(0, length);
        poolName.CopyTo(text);
        userId.CopyTo(text[poolName.Length..]);
        text[poolName.Length + userId.Length] = ':';
        password.CopyTo(text[(poolName.Length + userId.Length + 1)..]);

        var byteCount = Encoding.UTF8.GetByteCount(text);
        var bytes = ArrayPool<byte>.Shared.Rent(byteCount);
        Span<byte> inner = stackalloc byte[32];
        try
        {
            Encoding.UTF8.GetBytes(text, bytes);
            SHA256.HashData(bytes.AsSpan(0, byteCount), inner);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(paddedSalt);
            hash.AppendData(inner);
            return hash.GetHashAndReset();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(inner);
            text.Clear();
            CryptographicOperations.ZeroMemory(bytes.AsSpan(0, byteCount));
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>HKDF-SHA256 (RFC 5869) of pad(S) with salt pad(u) and info "Caldera Derived Key"; the first 16 bytes.</summary>
    public static byte[] SessionKey(ReadOnlySpan<byte> paddedS, ReadOnlySpan<byte> paddedU)
    {
        var key = new byte[SessionKeyBytes];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, paddedS, key, paddedU, DerivedKeyInfo);
        return key;
    }

    /// <summary>Base64(HMAC-SHA256(key, UTF8(poolName) ‖ UTF8(userId) ‖ secret block ‖ UTF8(timestamp))).</summary>
    public static string Signature(ReadOnlySpan<byte> key, string poolName, string userId, ReadOnlySpan<byte> secretBlock, string timestamp)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(poolName));
        hmac.AppendData(Encoding.UTF8.GetBytes(userId));
        hmac.AppendData(secretBlock);
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp));
        return Convert.ToBase64String(hmac.GetHashAndReset());
    }
}
