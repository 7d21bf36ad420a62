using Cognito.Client.Model;

namespace Cognito.Grains.Revocation;

/// <summary>
/// How a user grain adds to its pool's ended-sessions log (same key as <c>IEndedSessionsGrain</c>:
/// the pool's name). Only user grains may call it: anyone else is refused, so no client can make
/// front ends refuse another user's tokens.
/// </summary>
[Alias("Cognito.IEndedSessionsLog")]
internal interface IEndedSessionsLog : IGrainWithStringKey
{
    /// <summary>Adds the entries of one ended session (or one sign-out everywhere) under one new version.</summary>
    [Alias("Add")]
    Task AddAsync(IReadOnlyList<EndedSession> entries);
}
