namespace Cognito.Client.Model;

/// <summary>One of a user's sessions, as <c>ListSessionsAsync</c> shows it: never its id or tokens.</summary>
/// <param name="Handle">The session's public handle (SHA-256 of its id); end it with <c>EndSessionAsync(handle)</c>.</param>
/// <param name="CreatedAt">When the session's sign-in completed.</param>
/// <param name="ExpiresAt">When its current access token expires.</param>
/// <param name="DeviceKey">The Cognito device the session signed in with, if any.</param>
[GenerateSerializer, Immutable, Alias("Cognito.SessionSummary")]
public sealed record SessionSummary(
    [property: Id(0)] string Handle,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] DateTimeOffset? ExpiresAt,
    [property: Id(3)] string? DeviceKey);
