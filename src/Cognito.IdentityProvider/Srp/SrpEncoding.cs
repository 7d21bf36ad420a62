using System.Numerics;
using Cognito.IdentityProvider.Errors;

namespace Cognito.IdentityProvider.Srp;

/// <summary>How SRP numbers travel: hex on the wire, <c>pad</c> bytes inside hashes.</summary>
internal static class SrpEncoding
{
    /// <summary>
    /// <c>pad</c> of a non-negative integer: minimal big-endian bytes, with one leading 0x00 when the
    /// top bit would otherwise be set, and a single 0x00 for zero (Java's <c>toByteArray()</c>).
    /// </summary>
    public static byte[] Pad(ReadOnlySpan<byte> unsignedBigEndian)
    {
        var start = 0;
        while (start < unsignedBigEndian.Length && unsignedBigEndian[start] == 0)
        {
            start++;
        }

        var digits = unsignedBigEndian[start..];
        if (digits.IsEmpty)
        {
            return [0];
        }

        if (digits[0] < 0x80)
        {
            return digits.ToArray();
        }

        var padded = new byte[digits.Length + 1];
        digits.CopyTo(padded.AsSpan(1));
        return padded;
    }

    /// <summary>
    /// <c>pad</c> of any integer, negative ones included: their two's complement, as AWS's JS client
    /// hashes a salt or SRP_B that the server sent with a leading '-'.
    /// </summary>
    public static byte[] Pad(BigInteger value) => value.ToByteArray(isUnsigned: false, isBigEndian: true);

    /// <summary>
    /// Reads a hex number from a challenge the way AWS's JS client does (<c>new BigInteger(s, 16)</c>):
    /// any length, either case, leading zeros allowed, and a leading '-' making it negative. Unlike
    /// that parser (which skips characters it does not know), anything else is refused.
    /// </summary>
    public static BigInteger ParseHex(string? text, string parameterName)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new CognitoProtocolException($"The challenge parameter {parameterName} is missing or empty.");
        }

        var negative = text[0] == '-';
        var digits = negative ? text.AsSpan(1) : text.AsSpan();
        if (digits.IsEmpty || !IsHex(digits))
        {
            throw new CognitoProtocolException($"The challenge parameter {parameterName} is not a hexadecimal number.");
        }

        BigInteger magnitude;
        if (digits.Length % 2 == 0)
        {
            magnitude = new BigInteger(Convert.FromHexString(digits), isUnsigned: true, isBigEndian: true);
        }
        else
        {
            // FromHexString wants whole bytes; an odd count means a dropped leading zero.
            Span<char> even = digits.Length < 2048 ? stackalloc char[digits.Length + 1] : new char[digits.Length + 1];
            even[0] = '0';
            digits.CopyTo(even[1..]);
            magnitude = new BigInteger(Convert.FromHexString(even), isUnsigned: true, isBigEndian: true);
        }

        return negative ? -magnitude : magnitude;
    }

    /// <summary>Lower-case hex without leading zeros ("0" for zero), as AWS's JS client sends SRP_A.</summary>
    public static string ToHex(ReadOnlySpan<byte> unsignedBigEndian)
    {
        var start = 0;
        while (start < unsignedBigEndian.Length && unsignedBigEndian[start] == 0)
        {
            start++;
        }

        if (start == unsignedBigEndian.Length)
        {
            return "0";
        }

        var hex = Convert.ToHexStringLower(unsignedBigEndian[start..]);
        return hex[0] == '0' ? hex[1..] : hex;
    }

    /// <summary>A non-negative integer below 2^(8·length) as exactly <paramref name="length"/> big-endian bytes.</summary>
    public static byte[] ToFixed(BigInteger value, int length)
    {
        var bytes = new byte[length];
        var written = value.GetByteCount(isUnsigned: true);
        if (value.Sign < 0 || written > length || !value.TryWriteBytes(bytes.AsSpan(length - written), out _, isUnsigned: true, isBigEndian: true))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "The value does not fit the requested width.");
        }

        return bytes;
    }

    /// <summary>True when every byte is zero; reads them all whatever they hold.</summary>
    public static bool IsZero(ReadOnlySpan<byte> value)
    {
        var accumulated = 0;
        foreach (var b in value)
        {
            accumulated |= b;
        }

        return accumulated == 0;
    }

    private static bool IsHex(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
