namespace Cognito.Client.Model;

/// <summary>One of a user's sessions, as <c>ListSessionsAsync</c> shows it: never its id or tokens.</summary>
/// <param name="Handle">The session's public handle (SHA-256 of its id); end it with <c>EndSessionAsync(handle)</c>.</param>
/// <param name="CreatedAt">When the session's sign-in completed.</param>
/// <param name="ExpiresAt">When its current access token expires.</param>
/// <param name="DeviceKey">The Cognito device the session signed in with, if any.</param>
/// <param name="LastUsedAt">When a caller last used the session (exact while its grain is active; after a deactivation it may show up to 5 minutes early: it is written at most that often).</param>
/// <param name="DeviceName">The device name the front end gave (<c>DescribeClientAsync</c>), if any.</param>
/// <param name="UserAgent">The User-Agent the front end gave, if any.</param>
/// <param name="IpAddress">The client IP address the front end gave, if any.</param>
[GenerateSerializer, Immutable, Alias("Cognito.SessionSummary")]
public sealed record SessionSummary(
    [property: Id(0)] string Handle,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] DateTimeOffset? ExpiresAt,
    [property: Id(3)] string? DeviceKey,
    [property: Id(4)] DateTimeOffset? LastUsedAt = null,
    [property: Id(5)] string? DeviceName = null,
    [property: Id(6)] string? UserAgent = null,
    [property: Id(7)] string? IpAddress = null);
