using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Cognito.IdentityProvider.Srp.Arithmetic;

/// <summary>
/// g^e mod N for the fixed base g and exponents of at most <see cref="MaxExponentBits"/> bits, by
/// Lim and Lee's comb: 6 teeth and two precomputed tables of 64 entries. A 1024-bit exponent then
/// costs 86 squarings and 172 multiplications instead of the ~1200 of a general exponentiation.
/// </summary>
/// <remarks>
/// The exponents are secret, so: the sequence of operations depends only on
/// <see cref="MaxExponentBits"/>; every column multiplies (by Montgomery 1 when its digit is 0); and
/// each table entry is picked by reading all 64 entries through masks, so the memory touched does
/// not depend on the digit. The multiplications are OpenSSL's Montgomery ones on full-length
/// operands, the same primitive its constant-time exponentiation uses. One small residue: when an
/// entry is handed to OpenSSL, <c>BN_lebin2bn</c> skips its most significant zero bytes, so an
/// entry with a zero top byte (about 1 in 256, fixed and public) converts a few cycles faster.
/// </remarks>
internal sealed class FixedBaseComb
{
    private const int Teeth = 6;
    private const int TableSize = 1 << Teeth;
    private const int EntryBytes = SrpGroup.ModulusBytes;

    private readonly int _columns;
    private readonly int _spacing;
    private readonly byte[] _lower;
    private readonly byte[] _upper;
    private readonly byte[] _one;

    private FixedBaseComb(int maxExponentBits, int columns, byte[] lower, byte[] upper, byte[] one)
    {
        MaxExponentBits = maxExponentBits;
        _columns = columns;
        _spacing = 2 * columns;
        _lower = lower;
        _upper = upper;
        _one = one;
    }

    public int MaxExponentBits { get; }

    /// <summary>
    /// Precomputes the tables for base <paramref name="baseMontgomery"/> (in Montgomery form, little-endian)
    /// with the tooth spacing that covers <paramref name="maxExponentBits"/>.
    /// </summary>
    public static FixedBaseComb Build(LibCrypto library, nint montgomery, ReadOnlySpan<byte> oneMontgomery, ReadOnlySpan<byte> baseMontgomery, int maxExponentBits)
    {
        var teethLength = (maxExponentBits + Teeth - 1) / Teeth;
        var columns = (teethLength + 1) / 2;
        var spacing = 2 * columns;

        // lowerBases[i] = g^(2^(i·spacing)), upperBases[i] = g^(2^(i·spacing + columns)), from one chain of squarings.
        var lowerBases = new byte[Teeth][];
        var upperBases = new byte[Teeth][];
        using var scope = new NativeScope(library);
        var current = scope.NewNumber();
        library.SetLittleEndian(current, baseMontgomery);
        var last = ((Teeth - 1) * spacing) + columns;
        for (var step = 0; step <= last; step++)
        {
            if (step % spacing == 0)
            {
                lowerBases[step / spacing] = ToLittleEndian(library, current);
            }
            else if (step % spacing == columns)
            {
                upperBases[step / spacing] = ToLittleEndian(library, current);
            }

            library.MontgomeryMultiply(current, current, current, montgomery, scope.Context);
        }

        var lower = BuildTable(library, montgomery, scope, oneMontgomery, lowerBases);
        var upper = BuildTable(library, montgomery, scope, oneMontgomery, upperBases);
        return new FixedBaseComb(maxExponentBits, columns, lower, upper, oneMontgomery.ToArray());
    }

    /// <summary>
    /// Leaves g^exponent in Montgomery form in <paramref name="result"/>; <paramref name="scratch"/>
    /// is overwritten. The exponent is unsigned big-endian, at most <see cref="MaxExponentBits"/> bits.
    /// </summary>
    public void Evaluate(LibCrypto library, nint montgomery, nint context, ReadOnlySpan<byte> exponent, nint result, nint scratch)
    {
        if (exponent.Length * 8 > MaxExponentBits)
        {
            throw new ArgumentException("The exponent is longer than this comb covers.", nameof(exponent));
        }

        Span<byte> entry = stackalloc byte[EntryBytes];
        try
        {
            library.SetLittleEndian(result, _one);
            for (var column = _columns - 1; column >= 0; column--)
            {
                library.MontgomeryMultiply(result, result, result, montgomery, context);

                Select(_lower, Digit(exponent, column), entry);
                library.SetLittleEndian(scratch, entry);
                library.MontgomeryMultiply(result, result, scratch, montgomery, context);

                Select(_upper, Digit(exponent, column + _columns), entry);
                library.SetLittleEndian(scratch, entry);
                library.MontgomeryMultiply(result, result, scratch, montgomery, context);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(entry);
        }
    }

    /// <summary>The comb digit of a column: one bit from each tooth.</summary>
    private int Digit(ReadOnlySpan<byte> exponent, int firstBit)
    {
        var digit = 0;
        for (var tooth = 0; tooth < Teeth; tooth++)
        {
            var position = firstBit + (tooth * _spacing);
            var byteIndex = exponent.Length - 1 - (position >> 3);
            if (byteIndex >= 0)
            {
                digit |= ((exponent[byteIndex] >> (position & 7)) & 1) << tooth;
            }
        }

        return digit;
    }

    /// <summary>Copies entry <paramref name="index"/> of <paramref name="table"/> while reading every entry alike.</summary>
    private static void Select(byte[] table, int index, Span<byte> destination)
    {
        var width = Vector<byte>.Count;
        Span<Vector<byte>> masks = stackalloc Vector<byte>[TableSize];
        for (var candidate = 0; candidate < TableSize; candidate++)
        {
            // 0xFF when candidate == index, else 0, computed without a comparison the JIT could turn into a branch.
            var equal = ((uint)(candidate ^ index) - 1) >> 31;
            masks[candidate] = new Vector<byte>((byte)(0 - equal));
        }

        ref var tableStart = ref MemoryMarshal.GetArrayDataReference(table);
        for (var offset = 0; offset < EntryBytes; offset += width)
        {
            var accumulated = Vector<byte>.Zero;
            for (var candidate = 0; candidate < TableSize; candidate++)
            {
                var value = Vector.LoadUnsafe(ref tableStart, (nuint)((candidate * EntryBytes) + offset));
                accumulated |= value & masks[candidate];
            }

            accumulated.CopyTo(destination[offset..]);
        }
    }

    private static byte[] BuildTable(LibCrypto library, nint montgomery, NativeScope scope, ReadOnlySpan<byte> oneMontgomery, byte[][] bases)
    {
        // table[j] = product of bases[i] over the bits i set in j, each entry one multiplication from a smaller one.
        var table = new byte[TableSize * EntryBytes];
        oneMontgomery.CopyTo(table);
        var left = scope.NewNumber();
        var right = scope.NewNumber();
        for (var j = 1; j < TableSize; j++)
        {
            var lowestBit = BitOperations.TrailingZeroCount(j);
            library.SetLittleEndian(left, table.AsSpan((j & (j - 1)) * EntryBytes, EntryBytes));
            library.SetLittleEndian(right, bases[lowestBit]);
            library.MontgomeryMultiply(left, left, right, montgomery, scope.Context);
            library.GetLittleEndian(left, table.AsSpan(j * EntryBytes, EntryBytes));
        }

        return table;
    }

    private static byte[] ToLittleEndian(LibCrypto library, nint number)
    {
        var bytes = new byte[EntryBytes];
        library.GetLittleEndian(number, bytes);
        return bytes;
    }
}
