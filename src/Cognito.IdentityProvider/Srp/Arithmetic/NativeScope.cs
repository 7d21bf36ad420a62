namespace Cognito.IdentityProvider.Srp.Arithmetic;

/// <summary>
/// The OpenSSL numbers and the BN_CTX of one operation. Disposing wipes and frees them all, so
/// secrets never outlive the operation in native memory either.
/// </summary>
internal sealed class NativeScope : IDisposable
{
    private readonly LibCrypto _library;
    private readonly nint[] _numbers = new nint[16];
    private int _count;

    public NativeScope(LibCrypto library)
    {
        _library = library;
        Context = library.NewContext();
    }

    /// <summary>A BN_CTX for this operation's temporaries (OpenSSL wipes those when it is freed).</summary>
    public nint Context { get; }

    public nint NewNumber()
    {
        if (_count == _numbers.Length)
        {
            throw new InvalidOperationException("A native scope holds at most 16 numbers.");
        }

        var number = _library.NewNumber();
        _numbers[_count++] = number;
        return number;
    }

    public void Dispose()
    {
        while (_count > 0)
        {
            _library.ClearFree(_numbers[--_count]);
        }

        _library.FreeContext(Context);
    }
}
