namespace Cognito.Client.Grains;

/// <summary>
/// One Cognito user of one configured pool: owns the user's tokens, runs the sign-in, keeps the
/// tokens fresh and performs profile, password, MFA, device, passkey and admin operations. Key:
/// <c>{pool}/{username}</c> (see <see cref="GrainKeys"/>); other spellings of the same user and
/// logins through an alias forward to one session owner.
/// </summary>
[Alias("Cognito.ICognitoUserGrain")]
public interface ICognitoUserGrain : IUserRegistration, IUserSignIn, IUserSession, IUserProfile, IUserAdministration, IUserMfa, IUserDevices, IUserSessions, IUserPasskeys;
