namespace Cognito.Grains.Configuration;

/// <summary>
/// Limits on a pool's many sessions per user and the pool's ended-sessions log
/// (<c>Cognito:Pools:{pool}:Sessions</c>).
/// </summary>
public sealed class CognitoSessionOptions
{
    /// <summary>
    /// How many session keys one user may hold (default 100; 0 = no limit). When a new session
    /// joins beyond it, the user's key ends the oldest ones (RevokeToken, as <c>EndSessionAsync</c> does).
    /// </summary>
    public int MaxPerUser { get; set; } = 100;

    /// <summary>
    /// A session not used for this long ends (null = never): its next call ends it and gets
    /// <c>NotSignedInException</c>, and its timer no longer refreshes it.
    /// </summary>
    public TimeSpan? IdleLifetime { get; set; }

    /// <summary>A session ends this long after its sign-in, however much it is used (null = never).</summary>
    public TimeSpan? AbsoluteLifetime { get; set; }

    /// <summary>
    /// How many live entries the pool's ended-sessions log keeps (default 10 000); beyond it the
    /// oldest are dropped, and pollers that had not read them get a page that is not complete.
    /// </summary>
    public int EndedLogCapacity { get; set; } = 10_000;
}
