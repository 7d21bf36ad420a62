using System.Security.Cryptography;

namespace Cognito.IdentityProvider.Srp;

/// <summary>
/// Every value of one PASSWORD_VERIFIER computation, kept together so tests can compare each with
/// AWS's own client. Byte arrays are unsigned big-endian; S is exactly 384 bytes.
/// </summary>
internal sealed class SrpComputation
{
    public SrpComputation(byte[] largeA, byte[] u, byte[] x, byte[] s, byte[] key, string signature, string timestamp)
    {
        LargeA = largeA;
        U = u;
        X = x;
        S = s;
        Key = key;
        Signature = signature;
        Timestamp = timestamp;
    }

    public byte[] LargeA { get; }

    public byte[] U { get; }

    public byte[] X { get; }

    public byte[] S { get; }

    public byte[] Key { get; }

    public string Signature { get; }

    public string Timestamp { get; }

    /// <summary>Wipes the secret values (x, S, the key) once the signature has been taken.</summary>
    public void ClearSecrets()
    {
        CryptographicOperations.ZeroMemory(X);
        CryptographicOperations.ZeroMemory(S);
        CryptographicOperations.ZeroMemory(Key);
    }

    public override string ToString() => nameof(SrpComputation);
}
