namespace Cognito.Testing.SrpFront;

/// <summary>
/// A global sign-out: the ledger position at that moment (tokens observed before it are revoked)
/// and the time (for tokens the front never saw issued, compared by their <c>iat</c>).
/// </summary>
internal sealed record SignOutMark(long Sequence, DateTimeOffset At);
