using Cognito.Client.Model;

namespace Cognito.Grains.Users;

/// <summary>What a user's own key asks of one of its session keys. Only user grains may call it.</summary>
[Alias("Cognito.ISessionMember")]
internal interface ISessionMember : IGrainWithStringKey
{
    /// <summary>The session's summary, or null when it holds no session any more.</summary>
    [Alias("Describe")]
    Task<SessionSummary?> DescribeAsync();

    /// <summary>Ends the session without telling the user's key back (it asked); revokes its refresh token first when asked.</summary>
    [Alias("End")]
    Task EndAsync(bool revoke, CancellationToken cancellationToken);

    /// <summary>A usable access token, for a user-wide operation such as GlobalSignOut on the user's key.</summary>
    [Alias("LendAccessToken")]
    Task<string?> LendAccessTokenAsync(CancellationToken cancellationToken);
}
