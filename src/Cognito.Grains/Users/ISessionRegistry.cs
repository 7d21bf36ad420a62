using Orleans.Concurrency;

namespace Cognito.Grains.Users;

/// <summary>
/// How a session key (see <c>CognitoSessions</c>) tells its user's own key that it holds a session
/// or no longer does, so the user's key can list and end them. Only user grains may call it.
/// Every method is one-way: the user's key awaits its session keys (listing, ending), so a session
/// key never awaits the user's key, and the two can never wait on each other.
/// </summary>
[Alias("Cognito.ISessionRegistry")]
internal interface ISessionRegistry : IGrainWithStringKey
{
    /// <summary>A session started (or signed in again); <paramref name="subject"/> and <paramref name="tokenLifetime"/> are for the ended-sessions log.</summary>
    [Alias("Join"), OneWay]
    Task JoinAsync(string handle, DateTimeOffset createdAt, string? subject, TimeSpan? tokenLifetime);

    [Alias("Leave"), OneWay]
    Task LeaveAsync(string handle);

    /// <summary>After a GlobalSignOut through one session: every other session of the user ends here too.</summary>
    [Alias("ForgetAll"), OneWay]
    Task ForgetAllAsync(string exceptHandle);
}
