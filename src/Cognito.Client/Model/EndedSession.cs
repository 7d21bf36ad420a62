namespace Cognito.Client.Model;

/// <summary>
/// One ended session, or every session of one user up to a time. A token is refused when its
/// <c>origin_jti</c> equals <see cref="OriginJti"/> (real Cognito puts one session's id in every
/// token it issues from one refresh token), when its <c>event_id</c> equals <see cref="EventId"/>
/// (one token set of the session, for issuers without <c>origin_jti</c>), or when its <c>sub</c>
/// equals <see cref="Subject"/> and it was issued at or before <see cref="IssuedUpTo"/> (GlobalSignOut).
/// Exactly one of the three is set.
/// </summary>
/// <param name="OriginJti">The ended session's <c>origin_jti</c> (RevokeToken), or null.</param>
/// <param name="EventId">The <c>event_id</c> of one of the ended session's token sets, or null.</param>
/// <param name="Subject">The user's <c>sub</c> for a whole-user entry (GlobalSignOut), or null.</param>
/// <param name="IssuedUpTo">For a whole-user entry: tokens issued at or before this time are ended.</param>
/// <param name="KeepUntil">When the last token this entry can match has expired; the entry is dropped after it.</param>
[GenerateSerializer, Immutable, Alias("Cognito.EndedSession")]
public sealed record EndedSession(
    [property: Id(0)] string? OriginJti,
    [property: Id(1)] string? EventId,
    [property: Id(2)] string? Subject,
    [property: Id(3)] DateTimeOffset IssuedUpTo,
    [property: Id(4)] DateTimeOffset KeepUntil);
