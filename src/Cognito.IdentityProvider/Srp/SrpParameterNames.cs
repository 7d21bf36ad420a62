namespace Cognito.IdentityProvider.Srp;

/// <summary>The names of the SRP challenges and of their parameters, as Cognito spells them.</summary>
public static class SrpParameterNames
{
    public const string PasswordVerifierChallenge = "PASSWORD_VERIFIER";
    public const string DeviceSrpAuthChallenge = "DEVICE_SRP_AUTH";
    public const string DevicePasswordVerifierChallenge = "DEVICE_PASSWORD_VERIFIER";

    public const string Username = "USERNAME";
    public const string SrpA = "SRP_A";
    public const string SrpB = "SRP_B";
    public const string Salt = "SALT";
    public const string SecretBlock = "SECRET_BLOCK";
    public const string UserIdForSrp = "USER_ID_FOR_SRP";
    public const string Timestamp = "TIMESTAMP";
    public const string PasswordClaimSecretBlock = "PASSWORD_CLAIM_SECRET_BLOCK";
    public const string PasswordClaimSignature = "PASSWORD_CLAIM_SIGNATURE";
    public const string SecretHash = "SECRET_HASH";
    public const string DeviceKey = "DEVICE_KEY";
}
