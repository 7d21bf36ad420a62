using System.Numerics;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// What the front keeps per user: the SRP salt and verifier, and the password itself (needed to get
/// real tokens from cognito-local). Its text form never shows the password.
/// </summary>
public sealed record UserCredential(BigInteger Salt, BigInteger Verifier, string Password)
{
    /// <summary>Never prints the password or the verifier.</summary>
    public override string ToString() => $"UserCredential {{ Salt = {SrpGroup.ToHex(Salt)}, Verifier = {SrpGroup.ToHex(Verifier)[..16]}…, Password = *** }}";
}
