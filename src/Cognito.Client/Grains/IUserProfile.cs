using Cognito.Client.Model;

namespace Cognito.Client.Grains;

/// <summary>The signed-in user's own profile and password (warrant: get_user, update_profile, send/validate_verification, change_password, forgot password, delete_user).</summary>
[Alias("Cognito.IUserProfile")]
public interface IUserProfile : IGrainWithStringKey
{
    /// <summary>The signed-in user's profile (GetUser on its own access token), attributes named through <paramref name="attributeMap"/> (display → Cognito).</summary>
    [Alias("GetUser")]
    Task<CognitoUser> GetUserAsync(IReadOnlyDictionary<string, string>? attributeMap = null, CancellationToken cancellationToken = default);

    /// <summary>Sets <paramref name="attributes"/> on the signed-in user (UpdateUserAttributes).</summary>
    [Alias("UpdateProfile")]
    Task UpdateProfileAsync(IReadOnlyDictionary<string, string> attributes, IReadOnlyDictionary<string, string>? attributeMap = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes the attributes <paramref name="attributeNames"/> (DeleteUserAttributes).</summary>
    [Alias("DeleteAttributes")]
    Task DeleteAttributesAsync(IReadOnlyList<string> attributeNames, CancellationToken cancellationToken = default);

    /// <summary>Sends a code to verify <paramref name="attribute"/> (GetUserAttributeVerificationCode).</summary>
    [Alias("SendVerification")]
    Task<CodeDelivery?> SendVerificationAsync(string attribute = "email", CancellationToken cancellationToken = default);

    /// <summary>Verifies <paramref name="attribute"/> with the code sent to it (VerifyUserAttribute).</summary>
    [Alias("ValidateVerification")]
    Task ValidateVerificationAsync(string confirmationCode, string attribute = "email", CancellationToken cancellationToken = default);

    /// <summary>Changes the signed-in user's password (ChangePassword).</summary>
    [Alias("ChangePassword")]
    Task ChangePasswordAsync(string previousPassword, string proposedPassword, CancellationToken cancellationToken = default);

    /// <summary>Needs no session: sends a code to reset a forgotten password.</summary>
    [Alias("InitiateForgotPassword")]
    Task<CodeDelivery?> InitiateForgotPasswordAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets <paramref name="newPassword"/> with the code sent by <see cref="InitiateForgotPasswordAsync"/> (ConfirmForgotPassword).</summary>
    [Alias("ConfirmForgotPassword")]
    Task ConfirmForgotPasswordAsync(string confirmationCode, string newPassword, CancellationToken cancellationToken = default);

    /// <summary>Deletes the signed-in user and ends the session.</summary>
    [Alias("DeleteUser")]
    Task DeleteUserAsync(CancellationToken cancellationToken = default);
}
