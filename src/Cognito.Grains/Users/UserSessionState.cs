using Cognito.Client.Errors;
using Cognito.Client.Model;
using Cognito.Grains.Storage;
using Cognito.IdentityProvider.Srp;

namespace Cognito.Grains.Users;

/// <summary>
/// What a user's grain persists: the session it owns (or the grain that owns it), a pending
/// challenge, and a remembered device. Type names are pinned with aliases so stored state
/// survives refactoring. It holds refresh tokens and a device secret: the Redis storage encrypts it
/// whole (ProtectedGrainStorageSerializer); use a storage provider you trust for anything else.
/// </summary>
[GenerateSerializer, Alias("Cognito.UserSessionState")]
internal sealed class UserSessionState : IRecoverableState
{
    /// <summary>The internal username, once Cognito told it.</summary>
    [Id(0)]
    public string? Username { get; set; }

    /// <summary>Set when another grain owns this user's session (this key is an alias or another spelling).</summary>
    [Id(1)]
    public string? OwnerKey { get; set; }

    [Id(2)]
    public StoredTokens? Tokens { get; set; }

    [Id(3)]
    public StoredChallenge? Challenge { get; set; }

    [Id(4)]
    public StoredDevice? Device { get; set; }

    /// <summary>The device Cognito reported at the last sign-in, until it is remembered.</summary>
    [Id(5)]
    public StoredDevice? NewDevice { get; set; }

    /// <summary>On a user's own key: the handles of its session keys' live sessions, with when each started.</summary>
    [Id(6)]
    public Dictionary<string, DateTimeOffset>? Sessions { get; set; }

    /// <summary>On a session key: when its session's sign-in completed.</summary>
    [Id(7)]
    public DateTimeOffset? SessionCreatedAt { get; set; }

    /// <summary>The ids of the recent token sets this session was issued, for the ended-sessions log (see TokenMark).</summary>
    [Id(8)]
    public List<TokenMark>? TokenMarks { get; set; }

    /// <summary>The user's <c>sub</c>, once a token of theirs was seen here (a session key's own, or one that joined the user's key).</summary>
    [Id(9)]
    public string? Subject { get; set; }

    /// <summary>The longest access or ID token lifetime seen here, for how long a sign-out everywhere is kept in the log.</summary>
    [Id(10)]
    public TimeSpan? TokenLifetime { get; set; }

    /// <summary>On a session key: when a caller last used it, written at most every few minutes (see CognitoUserGrain.Limits).</summary>
    [Id(11)]
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>On a session key: what the front end said of its client (DescribeClientAsync).</summary>
    [Id(12)]
    public SessionClientInfo? Client { get; set; }

    // Never stored: set when the stored record could not be read (see CognitoUserGrain.Storage).
    [NonSerialized]
    private StoredStateFault? _unreadable;

    public StoredStateFault? Unreadable => _unreadable;

    public void MarkUnreadable(StoredStateFault fault) => _unreadable = fault;
}

[GenerateSerializer, Alias("Cognito.StoredChallenge")]
internal sealed record StoredChallenge(
    [property: Id(0)] string Name,
    [property: Id(1)] string Session,
    [property: Id(2)] string Username,
    [property: Id(3)] Dictionary<string, string> Parameters,
    [property: Id(4)] bool Admin,
    [property: Id(5)] DateTimeOffset ExpiresAt,
    [property: Id(6)] Dictionary<string, string>? ClientMetadata = null,
    [property: Id(7)] List<string>? AvailableChallenges = null)
{
    public override string ToString() => $"StoredChallenge {{ Name = {Name}, Username = {Username}, ExpiresAt = {ExpiresAt:O} }}";
}

[GenerateSerializer, Alias("Cognito.StoredDevice")]
internal sealed record StoredDevice(
    [property: Id(0)] string DeviceKey,
    [property: Id(1)] string DeviceGroupKey,
    [property: Id(2)] string? DevicePassword)
{
    /// <summary>What device SRP needs, once the device is confirmed (its password known).</summary>
    public DeviceSecrets? Secrets => DevicePassword is { } password ? new DeviceSecrets(DeviceKey, DeviceGroupKey, password) : null;

    public override string ToString() => $"StoredDevice {{ DeviceKey = {DeviceKey} }}";
}
