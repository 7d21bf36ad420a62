using System.Text;
using Cognito.IdentityProvider.Model;

namespace Cognito.IdentityProvider.Srp;

/// <summary>
/// What ConfirmDevice needs for a newly tracked device, from <see cref="CognitoSrp.CreateDeviceVerifier"/>:
/// the random device password to keep (with the device key and group key) for later device logins,
/// and the verifier and salt to send, both base64.
/// </summary>
/// <param name="DevicePassword">Secret: store it like a refresh token; it is left out of <see cref="object.ToString"/>.</param>
/// <param name="PasswordVerifier">Base64 of pad(g^x mod N).</param>
/// <param name="Salt">Base64 of the 16 salt bytes (their top bit is clear).</param>
public sealed record DeviceVerifier(string DevicePassword, string PasswordVerifier, string Salt)
{
    /// <summary>The <c>DeviceSecretVerifierConfig</c> of a ConfirmDevice request.</summary>
    public DeviceSecretVerifierConfigType ToVerifierConfig() => new() { PasswordVerifier = PasswordVerifier, Salt = Salt };

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("DevicePassword = ***, PasswordVerifier = ").Append(PasswordVerifier).Append(", Salt = ").Append(Salt);
        return true;
    }
}
