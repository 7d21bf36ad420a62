namespace Cognito.Grains.Users;

/// <summary>
/// What a session remembers of one token set it was issued, so that ending it can name every
/// token set that may still be valid: the <c>origin_jti</c> (real Cognito), else the
/// <c>event_id</c> (cognito-local gives each refresh a new one), and when its last token expires.
/// </summary>
[GenerateSerializer, Immutable, Alias("Cognito.TokenMark")]
internal sealed record TokenMark(
    [property: Id(0)] string? OriginJti,
    [property: Id(1)] string? EventId,
    [property: Id(2)] DateTimeOffset KeepUntil);
