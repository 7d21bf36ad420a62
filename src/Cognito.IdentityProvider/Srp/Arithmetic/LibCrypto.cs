using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Cognito.IdentityProvider.Srp.Arithmetic;

/// <summary>
/// The BIGNUM functions of OpenSSL 3's libcrypto that SRP needs, bound at run time. .NET on Linux
/// already has this library loaded for its own cryptography, so binding it costs nothing.
/// </summary>
/// <remarks>
/// Bound with <see cref="NativeLibrary"/> and unmanaged function pointers rather than
/// <c>[LibraryImport]</c> so that "is it there?" is answered once, here, as a null rather than a
/// <see cref="DllNotFoundException"/> at the first call; no process-wide import resolver is
/// installed, and the application's own folder is not searched for a library of that name first.
/// The calls marshal nothing (handles, ints and pinned byte pointers only).
/// </remarks>
internal sealed unsafe class LibCrypto
{
    private const int ConstantTimeFlag = 0x04; // BN_FLG_CONSTTIME

    private static readonly string[] LibraryNames = ["libcrypto.so.3"];

    private readonly delegate* unmanaged<nint> _bnNew;
    private readonly delegate* unmanaged<nint, void> _bnClearFree;
    private readonly delegate* unmanaged<nint, int, void> _bnSetFlags;
    private readonly delegate* unmanaged<nint> _ctxNew;
    private readonly delegate* unmanaged<nint, void> _ctxFree;
    private readonly delegate* unmanaged<byte*, int, nint, nint> _bin2bn;
    private readonly delegate* unmanaged<byte*, int, nint, nint> _lebin2bn;
    private readonly delegate* unmanaged<nint, byte*, int, int> _bn2binpad;
    private readonly delegate* unmanaged<nint, byte*, int, int> _bn2lebinpad;
    private readonly delegate* unmanaged<nint> _montNew;
    private readonly delegate* unmanaged<nint, nint, nint, int> _montSet;
    private readonly delegate* unmanaged<nint, nint, nint, nint, nint, int> _modMulMontgomery;
    private readonly delegate* unmanaged<nint, nint, nint, nint, int> _toMontgomery;
    private readonly delegate* unmanaged<nint, nint, nint, nint, int> _fromMontgomery;
    private readonly delegate* unmanaged<nint, nint, nint, nint, nint, nint, int> _modExpConstantTime;
    private readonly delegate* unmanaged<nint, nint, nint, nint, int> _mul;
    private readonly delegate* unmanaged<nint, nint, nint, int> _add;
    private readonly delegate* unmanaged<nint, nint, nint, nint, nint, int> _modSub;

    private LibCrypto(nint library)
    {
        _bnNew = (delegate* unmanaged<nint>)Export(library, "BN_new");
        _bnClearFree = (delegate* unmanaged<nint, void>)Export(library, "BN_clear_free");
        _bnSetFlags = (delegate* unmanaged<nint, int, void>)Export(library, "BN_set_flags");
        _ctxNew = (delegate* unmanaged<nint>)Export(library, "BN_CTX_new");
        _ctxFree = (delegate* unmanaged<nint, void>)Export(library, "BN_CTX_free");
        _bin2bn = (delegate* unmanaged<byte*, int, nint, nint>)Export(library, "BN_bin2bn");
        _lebin2bn = (delegate* unmanaged<byte*, int, nint, nint>)Export(library, "BN_lebin2bn");
        _bn2binpad = (delegate* unmanaged<nint, byte*, int, int>)Export(library, "BN_bn2binpad");
        _bn2lebinpad = (delegate* unmanaged<nint, byte*, int, int>)Export(library, "BN_bn2lebinpad");
        _montNew = (delegate* unmanaged<nint>)Export(library, "BN_MONT_CTX_new");
        _montSet = (delegate* unmanaged<nint, nint, nint, int>)Export(library, "BN_MONT_CTX_set");
        _modMulMontgomery = (delegate* unmanaged<nint, nint, nint, nint, nint, int>)Export(library, "BN_mod_mul_montgomery");
        _toMontgomery = (delegate* unmanaged<nint, nint, nint, nint, int>)Export(library, "BN_to_montgomery");
        _fromMontgomery = (delegate* unmanaged<nint, nint, nint, nint, int>)Export(library, "BN_from_montgomery");
        _modExpConstantTime = (delegate* unmanaged<nint, nint, nint, nint, nint, nint, int>)Export(library, "BN_mod_exp_mont_consttime");
        _mul = (delegate* unmanaged<nint, nint, nint, nint, int>)Export(library, "BN_mul");
        _add = (delegate* unmanaged<nint, nint, nint, int>)Export(library, "BN_add");
        _modSub = (delegate* unmanaged<nint, nint, nint, nint, nint, int>)Export(library, "BN_mod_sub");
    }

    /// <summary>The bound library, or null where it cannot be loaded or lacks a function.</summary>
    public static LibCrypto? TryLoad()
    {
        if (!OperatingSystem.IsLinux())
        {
            // .NET uses the platform's own cryptography elsewhere; an OpenSSL found there is not vouched for.
            return null;
        }

        foreach (var name in LibraryNames)
        {
            if (!NativeLibrary.TryLoad(name, out var library))
            {
                continue;
            }

            try
            {
                return new LibCrypto(library);
            }
            catch (EntryPointNotFoundException)
            {
                NativeLibrary.Free(library);
            }
        }

        return null;
    }

    public nint NewNumber() => Check(_bnNew());

    /// <summary>Zeroes the number's words before freeing them; null is ignored.</summary>
    public void ClearFree(nint number)
    {
        if (number != 0)
        {
            _bnClearFree(number);
        }
    }

    /// <summary>Asks OpenSSL to take its constant-time paths wherever this number is an operand.</summary>
    public void MarkConstantTime(nint number) => _bnSetFlags(number, ConstantTimeFlag);

    public nint NewContext() => Check(_ctxNew());

    public void FreeContext(nint context)
    {
        if (context != 0)
        {
            _ctxFree(context);
        }
    }

    public void SetBigEndian(nint number, ReadOnlySpan<byte> bigEndian)
    {
        fixed (byte* p = bigEndian)
        {
            Check(_bin2bn(p, bigEndian.Length, number));
        }
    }

    public void SetLittleEndian(nint number, ReadOnlySpan<byte> littleEndian)
    {
        fixed (byte* p = littleEndian)
        {
            Check(_lebin2bn(p, littleEndian.Length, number));
        }
    }

    public void GetBigEndian(nint number, Span<byte> destination)
    {
        fixed (byte* p = destination)
        {
            Check(_bn2binpad(number, p, destination.Length) == destination.Length);
        }
    }

    public void GetLittleEndian(nint number, Span<byte> destination)
    {
        fixed (byte* p = destination)
        {
            Check(_bn2lebinpad(number, p, destination.Length) == destination.Length);
        }
    }

    /// <summary>A Montgomery context for an odd modulus; it is only read afterwards, so threads may share it.</summary>
    public nint NewMontgomery(nint modulus, nint context)
    {
        var montgomery = Check(_montNew());
        Check(_montSet(montgomery, modulus, context) == 1);
        return montgomery;
    }

    /// <summary>r = a·b·R⁻¹ mod N.</summary>
    public void MontgomeryMultiply(nint result, nint a, nint b, nint montgomery, nint context) =>
        Check(_modMulMontgomery(result, a, b, montgomery, context) == 1);

    public void ToMontgomery(nint result, nint a, nint montgomery, nint context) =>
        Check(_toMontgomery(result, a, montgomery, context) == 1);

    public void FromMontgomery(nint result, nint a, nint montgomery, nint context) =>
        Check(_fromMontgomery(result, a, montgomery, context) == 1);

    /// <summary>r = a^p mod m with OpenSSL's fixed-window, cache-line-gathering exponentiation.</summary>
    public void ModExpConstantTime(nint result, nint a, nint p, nint modulus, nint context, nint montgomery) =>
        Check(_modExpConstantTime(result, a, p, modulus, context, montgomery) == 1);

    public void Multiply(nint result, nint a, nint b, nint context) => Check(_mul(result, a, b, context) == 1);

    public void Add(nint result, nint a, nint b) => Check(_add(result, a, b) == 1);

    public void ModSubtract(nint result, nint a, nint b, nint modulus, nint context) =>
        Check(_modSub(result, a, b, modulus, context) == 1);

    private static nint Export(nint library, string name) => NativeLibrary.GetExport(library, name);

    private static nint Check(nint pointer) => pointer != 0 ? pointer : throw Failure();

    private static void Check(bool succeeded)
    {
        if (!succeeded)
        {
            throw Failure();
        }
    }

    private static CryptographicException Failure() => new("An OpenSSL BIGNUM operation failed (out of memory?).");
}
