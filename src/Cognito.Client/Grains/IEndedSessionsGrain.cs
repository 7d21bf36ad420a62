using Cognito.Client.Model;

namespace Cognito.Client.Grains;

/// <summary>
/// The sessions of one configured pool that were ended through the grains (RevokeToken, GlobalSignOut,
/// an admin sign-out), kept until their last token expires. Front ends poll it in the background so a
/// bearer or cookie check can refuse a session's still-unexpired tokens, which a JWT signature cannot
/// show. Key: the pool's configured name. Only the user grains add to it.
/// </summary>
[Alias("Cognito.IEndedSessionsGrain")]
public interface IEndedSessionsGrain : IGrainWithStringKey
{
    /// <summary>
    /// The entries added after <paramref name="version"/> (0: all that are still live). When the log
    /// no longer holds everything after <paramref name="version"/>, the page says so with
    /// <see cref="EndedSessionsPage.IsComplete"/> false and holds every live entry instead.
    /// </summary>
    [Alias("GetSince")]
    Task<EndedSessionsPage> GetSinceAsync(long version, CancellationToken cancellationToken = default);
}
