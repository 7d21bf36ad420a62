namespace Cognito.IdentityProvider.Srp.Arithmetic;

/// <summary>
/// The modular exponentiations of SRP, the only costly part of a login. Numbers go in and out as
/// unsigned big-endian bytes; results are exactly <see cref="SrpGroup.ModulusBytes"/> long.
/// Implementations are thread-safe.
/// </summary>
internal interface ISrpArithmetic
{
    /// <summary>A short name for diagnostics and benchmarks ("OpenSSL", "Managed").</summary>
    string Name { get; }

    /// <summary>g^exponent mod N. The exponent is secret (the ephemeral a, or a device's x).</summary>
    byte[] PowG(ReadOnlySpan<byte> exponent);

    /// <summary>
    /// S = (B − k·g^x)^(a + u·x) mod N, where <paramref name="serverPublic"/> is B already reduced
    /// into [1, N). a, x and everything derived from them are secret.
    /// </summary>
    byte[] ComputeSessionSecret(ReadOnlySpan<byte> serverPublic, ReadOnlySpan<byte> a, ReadOnlySpan<byte> u, ReadOnlySpan<byte> x);
}
