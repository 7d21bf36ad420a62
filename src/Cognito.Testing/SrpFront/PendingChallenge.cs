using System.Numerics;

namespace Cognito.Testing.SrpFront;

/// <summary>A challenge the front issued and is waiting to be answered, under its Session.</summary>
internal abstract record PendingChallenge(string Session, string ClientId, string UserPoolId, string Username, DateTimeOffset ExpiresAt);

/// <summary>PASSWORD_VERIFIER: the server ephemeral and the user's verifier. A phantom stands for an unknown user and never verifies.</summary>
internal sealed record PasswordVerifierChallenge(
    string Session,
    string ClientId,
    string UserPoolId,
    string Username,
    DateTimeOffset ExpiresAt,
    BigInteger PublicA,
    BigInteger PublicB,
    BigInteger PrivateB,
    BigInteger Verifier,
    byte[] SecretBlock,
    string? DeviceKey,
    bool Phantom)
    : PendingChallenge(Session, ClientId, UserPoolId, Username, ExpiresAt);

/// <summary>DEVICE_SRP_AUTH: the password proof succeeded; the remembered device must now prove itself.</summary>
internal sealed record DeviceSrpChallenge(string Session, string ClientId, string UserPoolId, string Username, DateTimeOffset ExpiresAt, string DeviceKey)
    : PendingChallenge(Session, ClientId, UserPoolId, Username, ExpiresAt);

/// <summary>DEVICE_PASSWORD_VERIFIER: the server ephemeral against the device's verifier.</summary>
internal sealed record DevicePasswordVerifierChallenge(
    string Session,
    string ClientId,
    string UserPoolId,
    string Username,
    DateTimeOffset ExpiresAt,
    string DeviceKey,
    BigInteger PublicA,
    BigInteger PublicB,
    BigInteger PrivateB,
    BigInteger Verifier,
    byte[] SecretBlock)
    : PendingChallenge(Session, ClientId, UserPoolId, Username, ExpiresAt);

/// <summary>USER_AUTH's SELECT_CHALLENGE: the factors offered; the answer picks one. A phantom stands for an unknown user.</summary>
internal sealed record SelectChallenge(string Session, string ClientId, string UserPoolId, string Username, DateTimeOffset ExpiresAt, IReadOnlyList<string> Available, string? DeviceKey, bool Phantom)
    : PendingChallenge(Session, ClientId, UserPoolId, Username, ExpiresAt);

/// <summary>EMAIL_OTP or SMS_OTP as a first factor: the code sent, and how many wrong answers are left before the session ends.</summary>
internal sealed record OneTimeCodeChallenge(string Session, string ClientId, string UserPoolId, string Username, DateTimeOffset ExpiresAt, string Factor, string Code, int AttemptsLeft, string? DeviceKey)
    : PendingChallenge(Session, ClientId, UserPoolId, Username, ExpiresAt);

/// <summary>WEB_AUTHN: the random challenge the passkey's assertion must sign, for that relying party.</summary>
internal sealed record WebAuthnChallenge(string Session, string ClientId, string UserPoolId, string Username, DateTimeOffset ExpiresAt, byte[] Challenge, WebAuthnSetting Setting, string? DeviceKey)
    : PendingChallenge(Session, ClientId, UserPoolId, Username, ExpiresAt);
