using Cognito.Client.Model;

namespace Cognito.Client.Grains;

/// <summary>Administrator operations on this user, signed with the silo's IAM credentials (warrant: admin_get_user, admin_update_profile, admin_create_user, admin_delete_user; pycognito: enable, disable, reset password).</summary>
[Alias("Cognito.IUserAdministration")]
public interface IUserAdministration : IGrainWithStringKey
{
    [Alias("AdminGetUser")]
    Task<CognitoUser> AdminGetUserAsync(IReadOnlyDictionary<string, string>? attributeMap = null, CancellationToken cancellationToken = default);

    [Alias("AdminUpdateProfile")]
    Task AdminUpdateProfileAsync(IReadOnlyDictionary<string, string> attributes, IReadOnlyDictionary<string, string>? attributeMap = null, CancellationToken cancellationToken = default);

    [Alias("AdminCreateUser")]
    Task<CognitoUser> AdminCreateUserAsync(NewUser user, CancellationToken cancellationToken = default);

    [Alias("AdminDeleteUser")]
    Task AdminDeleteUserAsync(CancellationToken cancellationToken = default);

    [Alias("AdminEnableUser")]
    Task AdminEnableUserAsync(CancellationToken cancellationToken = default);

    [Alias("AdminDisableUser")]
    Task AdminDisableUserAsync(CancellationToken cancellationToken = default);

    [Alias("AdminResetPassword")]
    Task AdminResetPasswordAsync(CancellationToken cancellationToken = default);

    [Alias("AdminSetPassword")]
    Task AdminSetPasswordAsync(string password, bool permanent, CancellationToken cancellationToken = default);

    /// <summary>Signs the user out everywhere (AdminUserGlobalSignOut) and clears this grain's session.</summary>
    [Alias("AdminLogout")]
    Task AdminLogoutAsync(CancellationToken cancellationToken = default);
}
