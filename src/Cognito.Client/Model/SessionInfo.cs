namespace Cognito.Client.Model;

/// <summary>What a user's grain knows about its session, without the tokens.</summary>
/// <param name="Username">The internal username, once known.</param>
/// <param name="OwnerKey">The grain that owns the session (aliases and other spellings forward to it).</param>
[GenerateSerializer, Immutable, Alias("Cognito.SessionInfo")]
public sealed record SessionInfo(
    [property: Id(0)] bool IsSignedIn,
    [property: Id(1)] string? Username,
    [property: Id(2)] string OwnerKey,
    [property: Id(3)] DateTimeOffset? ExpiresAt,
    [property: Id(4)] bool HasRefreshToken,
    [property: Id(5)] PendingChallenge? PendingChallenge,
    [property: Id(6)] string? DeviceKey);
