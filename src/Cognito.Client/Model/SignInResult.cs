namespace Cognito.Client.Model;

/// <summary>The result of a sign-in step: signed in, or a challenge to answer next.</summary>
[GenerateSerializer, Immutable, Alias("Cognito.SignInResult")]
public sealed record SignInResult(
    [property: Id(0)] SignInStatus Status,
    [property: Id(1)] string Username,
    [property: Id(2)] PendingChallenge? Challenge,
    [property: Id(3)] DateTimeOffset? ExpiresAt,
    [property: Id(4)] DeviceInfo? NewDevice)
{
    /// <summary>Whether the user is signed in now (no challenge left).</summary>
    public bool IsSignedIn => Status == SignInStatus.SignedIn;

    /// <summary>A finished sign-in.</summary>
    public static SignInResult SignedIn(string username, DateTimeOffset expiresAt, DeviceInfo? newDevice = null) =>
        new(SignInStatus.SignedIn, username, null, expiresAt, newDevice);

    /// <summary>A sign-in that waits for an answer to <paramref name="challenge"/>.</summary>
    public static SignInResult ChallengeRequired(string username, PendingChallenge challenge) =>
        new(SignInStatus.ChallengeRequired, username, challenge, null, null);
}
