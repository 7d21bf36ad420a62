namespace Cognito.Client.Model;

/// <summary>
/// One ended session, or every session of one user up to a time: a token is refused when its
/// <c>origin_jti</c> equals <see cref="OriginJti"/>, or when its <c>sub</c> equals
/// <see cref="Subject"/> and it was issued at or before <see cref="IssuedUpTo"/> (GlobalSignOut).
/// </summary>
/// <param name="OriginJti">The ended session's <c>origin_jti</c> (RevokeToken), or null for a whole-user entry.</param>
/// <param name="Subject">The user's <c>sub</c> for a whole-user entry (GlobalSignOut), or null.</param>
/// <param name="IssuedUpTo">For a whole-user entry: tokens issued at or before this time are ended.</param>
/// <param name="KeepUntil">When the last token this entry can match has expired; the entry is dropped after it.</param>
[GenerateSerializer, Immutable, Alias("Cognito.EndedSession")]
public sealed record EndedSession(
    [property: Id(0)] string? OriginJti,
    [property: Id(1)] string? Subject,
    [property: Id(2)] DateTimeOffset IssuedUpTo,
    [property: Id(3)] DateTimeOffset KeepUntil);
