namespace Cognito.IdentityProvider.Srp.Arithmetic;

/// <summary>
/// SRP on OpenSSL's BIGNUM code, about 15–20 times faster than <see cref="ManagedSrpArithmetic"/>.
/// </summary>
/// <remarks>
/// <para>Which exponentiations involve secrets: all three. A = g^a (a is the ephemeral secret; knowing
/// it turns a recorded login into an offline password guess), g^x (x is password-equivalent: whoever
/// has it can log in), and S = (B − k·g^x)^(a + u·x).</para>
/// <para>How they are computed: g^a and g^x by <see cref="FixedBaseComb"/> (fixed operation sequence,
/// masked table reads, Montgomery multiplications); S by <c>BN_mod_exp_mont_consttime</c>, OpenSSL's
/// fixed-window exponentiation that reads its table through scatter/gather so the cache lines
/// touched do not depend on the exponent. Not used on purpose: <c>BN_mod_exp</c>, which for a
/// one-word base such as 2 takes <c>BN_mod_exp_mont_word</c> and otherwise sliding windows, both of
/// whose timing follows the exponent's bits (that is why OpenSSL only picks them when no operand
/// carries <c>BN_FLG_CONSTTIME</c>).</para>
/// <para>Not constant-time: the bookkeeping around those (a + u·x with <c>BN_mul</c>/<c>BN_add</c>,
/// B − k·v with <c>BN_mod_sub</c>, byte conversions), whose timing can depend on operand lengths
/// (leading zero words, a carry into the 1025th bit), a far weaker signal than the exponent's bits.</para>
/// </remarks>
internal sealed class OpenSslSrpArithmetic : ISrpArithmetic
{
    private const int LongExponentBits = SrpGroup.EphemeralBytes * 8;
    private const int ShortExponentBits = 256;

    private readonly LibCrypto _library;
    private readonly nint _modulus;
    private readonly nint _montgomery;
    private readonly nint _multiplier;
    private readonly FixedBaseComb _longComb;
    private readonly FixedBaseComb _shortComb;

    // The native objects below live as long as the process: one instance is made, never freed.
    private OpenSslSrpArithmetic(LibCrypto library)
    {
        _library = library;
        _modulus = library.NewNumber();
        library.SetBigEndian(_modulus, SrpGroup.ModulusBigEndian);
        _multiplier = library.NewNumber();
        library.SetBigEndian(_multiplier, SrpGroup.MultiplierBigEndian);

        using var scope = new NativeScope(library);
        _montgomery = library.NewMontgomery(_modulus, scope.Context);

        var number = scope.NewNumber();
        var montgomeryForm = scope.NewNumber();
        library.SetBigEndian(number, [1]);
        library.ToMontgomery(montgomeryForm, number, _montgomery, scope.Context);
        var one = new byte[SrpGroup.ModulusBytes];
        library.GetLittleEndian(montgomeryForm, one);
        library.SetBigEndian(number, [SrpGroup.Generator]);
        library.ToMontgomery(montgomeryForm, number, _montgomery, scope.Context);
        var generator = new byte[SrpGroup.ModulusBytes];
        library.GetLittleEndian(montgomeryForm, generator);

        _longComb = FixedBaseComb.Build(library, _montgomery, one, generator, LongExponentBits);
        _shortComb = FixedBaseComb.Build(library, _montgomery, one, generator, ShortExponentBits);
    }

    /// <summary>The process's instance, or null where libcrypto is missing or fails its known-answer check.</summary>
    public static OpenSslSrpArithmetic? Instance => Holder.Value;

    public string Name => "OpenSSL";

    public byte[] PowG(ReadOnlySpan<byte> exponent)
    {
        using var scope = new NativeScope(_library);
        var result = scope.NewNumber();
        PowGMontgomery(scope, exponent, result);
        _library.FromMontgomery(result, result, _montgomery, scope.Context);
        var bytes = new byte[SrpGroup.ModulusBytes];
        _library.GetBigEndian(result, bytes);
        return bytes;
    }

    public byte[] ComputeSessionSecret(ReadOnlySpan<byte> serverPublic, ReadOnlySpan<byte> a, ReadOnlySpan<byte> u, ReadOnlySpan<byte> x)
    {
        using var scope = new NativeScope(_library);
        var context = scope.Context;

        // k·v straight from v's Montgomery form: (v·R)·k·R⁻¹ = k·v mod N, no conversion needed.
        var verifier = scope.NewNumber();
        PowGMontgomery(scope, x, verifier);
        var kv = scope.NewNumber();
        _library.MontgomeryMultiply(kv, verifier, _multiplier, _montgomery, context);

        var b = scope.NewNumber();
        _library.SetBigEndian(b, serverPublic);
        var baseValue = scope.NewNumber();
        _library.ModSubtract(baseValue, b, kv, _modulus, context);

        var exponent = scope.NewNumber();
        var uNumber = scope.NewNumber();
        var xNumber = scope.NewNumber();
        var aNumber = scope.NewNumber();
        _library.SetBigEndian(uNumber, u);
        _library.SetBigEndian(xNumber, x);
        _library.SetBigEndian(aNumber, a);
        _library.Multiply(exponent, uNumber, xNumber, context);
        _library.Add(exponent, exponent, aNumber);
        _library.MarkConstantTime(exponent);
        _library.MarkConstantTime(baseValue);

        var secret = scope.NewNumber();
        _library.ModExpConstantTime(secret, baseValue, exponent, _modulus, context, _montgomery);
        var bytes = new byte[SrpGroup.ModulusBytes];
        _library.GetBigEndian(secret, bytes);
        return bytes;
    }

    private void PowGMontgomery(NativeScope scope, ReadOnlySpan<byte> exponent, nint result)
    {
        var comb = exponent.Length * 8 <= ShortExponentBits ? _shortComb
            : exponent.Length * 8 <= LongExponentBits ? _longComb
            : null;
        if (comb is not null)
        {
            comb.Evaluate(_library, _montgomery, scope.Context, exponent, result, scope.NewNumber());
            return;
        }

        // Longer than SRP ever asks for; kept so that PowG means what it says for any input.
        var generator = scope.NewNumber();
        var power = scope.NewNumber();
        _library.SetBigEndian(generator, [SrpGroup.Generator]);
        _library.SetBigEndian(power, exponent);
        _library.MarkConstantTime(power);
        _library.ModExpConstantTime(result, generator, power, _modulus, scope.Context, _montgomery);
        _library.ToMontgomery(result, result, _montgomery, scope.Context);
    }

    private static OpenSslSrpArithmetic? Create()
    {
        var library = LibCrypto.TryLoad();
        if (library is null)
        {
            return null;
        }

        try
        {
            var arithmetic = new OpenSslSrpArithmetic(library);
            return arithmetic.PassesKnownAnswer() ? arithmetic : null;
        }
        catch (Exception)
        {
            // Whatever went wrong natively, the managed arithmetic still gives the same answers.
            return null;
        }
    }

    /// <summary>
    /// 2^300 is below N, so g^300 mod N is a 1 followed by 300 zero bits: a check, through both combs
    /// and the general path, that the bound library computes what this class expects.
    /// </summary>
    private bool PassesKnownAnswer()
    {
        var expected = new byte[SrpGroup.ModulusBytes];
        expected[SrpGroup.ModulusBytes - 1 - (300 / 8)] = 1 << (300 % 8);
        byte[] exponent = [0x01, 0x2C];
        byte[] longExponent = new byte[SrpGroup.EphemeralBytes];
        exponent.CopyTo(longExponent.AsSpan(SrpGroup.EphemeralBytes - 2));
        byte[] generalExponent = new byte[SrpGroup.EphemeralBytes + 1];
        exponent.CopyTo(generalExponent.AsSpan(SrpGroup.EphemeralBytes - 1));
        return PowG(exponent).AsSpan().SequenceEqual(expected)
            && PowG(longExponent).AsSpan().SequenceEqual(expected)
            && PowG(generalExponent).AsSpan().SequenceEqual(expected);
    }

    private static class Holder
    {
        public static readonly OpenSslSrpArithmetic? Value = Create();
    }
}
