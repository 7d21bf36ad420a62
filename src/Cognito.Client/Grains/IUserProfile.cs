using Cognito.Client.Model;

namespace Cognito.Client.Grains;

/// <summary>The signed-in user's own profile and password (warrant: get_user, update_profile, send/validate_verification, change_password, forgot password, delete_user).</summary>
[Alias("Cognito.IUserProfile")]
public interface IUserProfile : IGrainWithStringKey
{
    [Alias("GetUser")]
    Task<CognitoUser> GetUserAsync(IReadOnlyDictionary<string, string>? attributeMap = null, CancellationToken cancellationToken = default);

    [Alias("UpdateProfile")]
    Task UpdateProfileAsync(IReadOnlyDictionary<string, string> attributes, IReadOnlyDictionary<string, string>? attributeMap = null, CancellationToken cancellationToken = default);

    [Alias("DeleteAttributes")]
    Task DeleteAttributesAsync(IReadOnlyList<string> attributeNames, CancellationToken cancellationToken = default);

    [Alias("SendVerification")]
    Task<CodeDelivery?> SendVerificationAsync(string attribute = "email", CancellationToken cancellationToken = default);

    [Alias("ValidateVerification")]
    Task ValidateVerificationAsync(string confirmationCode, string attribute = "email", CancellationToken cancellationToken = default);

    [Alias("ChangePassword")]
    Task ChangePasswordAsync(string previousPassword, string proposedPassword, CancellationToken cancellationToken = default);

    /// <summary>Needs no session: sends a code to reset a forgotten password.</summary>
    [Alias("InitiateForgotPassword")]
    Task<CodeDelivery?> InitiateForgotPasswordAsync(CancellationToken cancellationToken = default);

    [Alias("ConfirmForgotPassword")]
    Task ConfirmForgotPasswordAsync(string confirmationCode, string newPassword, CancellationToken cancellationToken = default);

    /// <summary>Deletes the signed-in user and ends the session.</summary>
    [Alias("DeleteUser")]
    Task DeleteUserAsync(CancellationToken cancellationToken = default);
}
