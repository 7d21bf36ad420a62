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
