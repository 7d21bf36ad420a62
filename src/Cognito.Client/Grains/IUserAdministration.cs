using Cognito.Client.Model;

namespace Cognito.Client.Grains;

/// <summary>Administrator operations on this user, signed with the silo's IAM credentials (warrant: admin_get_user, admin_update_profile, admin_create_user, admin_delete_user; pycognito: enable, disable, reset password).</summary>
[Alias("Cognito.IUserAdministration")]
public interface IUserAdministration : IGrainWithStringKey
{
    /// <summary>The user as an administrator sees it (AdminGetUser), attributes named through <paramref name="attributeMap"/> (display → Cognito).</summary>
    [Alias("AdminGetUser")]
    Task<CognitoUser> AdminGetUserAsync(IReadOnlyDictionary<string, string>? attributeMap = null, CancellationToken cancellationToken = default);

    /// <summary>Sets <paramref name="attributes"/> as an administrator (AdminUpdateUserAttributes).</summary>
    [Alias("AdminUpdateProfile")]
    Task AdminUpdateProfileAsync(IReadOnlyDictionary<string, string> attributes, IReadOnlyDictionary<string, string>? attributeMap = null, CancellationToken cancellationToken = default);

    /// <summary>Creates this user (AdminCreateUser); Cognito sends the temporary password unless told not to.</summary>
    [Alias("AdminCreateUser")]
    Task<CognitoUser> AdminCreateUserAsync(NewUser user, CancellationToken cancellationToken = default);

    /// <summary>Deletes this user (AdminDeleteUser) and ends the grain's session.</summary>
    [Alias("AdminDeleteUser")]
    Task AdminDeleteUserAsync(CancellationToken cancellationToken = default);

    /// <summary>Lets a disabled user sign in again (AdminEnableUser).</summary>
    [Alias("AdminEnableUser")]
    Task AdminEnableUserAsync(CancellationToken cancellationToken = default);

    /// <summary>Stops this user signing in (AdminDisableUser); existing tokens stay valid until they expire.</summary>
    [Alias("AdminDisableUser")]
    Task AdminDisableUserAsync(CancellationToken cancellationToken = default);

    /// <summary>Makes the user set a new password with a code at the next sign-in (AdminResetUserPassword).</summary>
    [Alias("AdminResetPassword")]
    Task AdminResetPasswordAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets the password (AdminSetUserPassword); <paramref name="permanent"/> false asks for a new one at the next sign-in.</summary>
    [Alias("AdminSetPassword")]
    Task AdminSetPasswordAsync(string password, bool permanent, CancellationToken cancellationToken = default);

    /// <summary>Signs the user out everywhere (AdminUserGlobalSignOut) and clears this grain's session.</summary>
    [Alias("AdminLogout")]
    Task AdminLogoutAsync(CancellationToken cancellationToken = default);
}
