namespace Cognito.IdentityProvider.Srp;

/// <summary>The names of the SRP challenges and of their parameters, as Cognito spells them.</summary>
public static class SrpParameterNames
{
    /// <summary>The challenge that carries the user's SRP salt and B.</summary>
    public const string PasswordVerifierChallenge = "PASSWORD_VERIFIER";
    /// <summary>The challenge that starts a device's SRP round.</summary>
    public const string DeviceSrpAuthChallenge = "DEVICE_SRP_AUTH";
    /// <summary>The challenge that carries the device's SRP salt and B.</summary>
    public const string DevicePasswordVerifierChallenge = "DEVICE_PASSWORD_VERIFIER";

    /// <summary>The user name parameter.</summary>
    public const string Username = "USERNAME";
    /// <summary>The client's public value A.</summary>
    public const string SrpA = "SRP_A";
    /// <summary>The server's public value B.</summary>
    public const string SrpB = "SRP_B";
    /// <summary>The salt.</summary>
    public const string Salt = "SALT";
    /// <summary>Cognito's opaque secret block.</summary>
    public const string SecretBlock = "SECRET_BLOCK";
    /// <summary>The internal user name SRP hashes.</summary>
    public const string UserIdForSrp = "USER_ID_FOR_SRP";
    /// <summary>The time the proof is made for.</summary>
    public const string Timestamp = "TIMESTAMP";
    /// <summary>The secret block, echoed in the answer.</summary>
    public const string PasswordClaimSecretBlock = "PASSWORD_CLAIM_SECRET_BLOCK";
    /// <summary>The client's proof.</summary>
    public const string PasswordClaimSignature = "PASSWORD_CLAIM_SIGNATURE";
    /// <summary>SECRET_HASH, for clients with a secret.</summary>
    public const string SecretHash = "SECRET_HASH";
    /// <summary>The remembered device's key.</summary>
    public const string DeviceKey = "DEVICE_KEY";
}
