using Cognito.Client.Model;

namespace Cognito.Client.Grains;

/// <summary>The session the grain owns (warrant: check_token, renew_access_token, verify_token, logout).</summary>
[Alias("Cognito.IUserSession")]
public interface IUserSession : IGrainWithStringKey
{
    /// <summary>Valid tokens: returned without I/O while fresh, refreshed first (once, however many callers wait) when not.</summary>
    [Alias("GetTokens")]
    Task<TokenSet> GetTokensAsync(CancellationToken cancellationToken = default);

    /// <summary>warrant's <c>check_token</c>: refreshes when the access token is (about to be) expired; true when it did.</summary>
    [Alias("CheckToken")]
    Task<bool> CheckTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>warrant's <c>renew_access_token</c>: refreshes now.</summary>
    [Alias("RenewAccessToken")]
    Task<TokenSet> RenewAccessTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>warrant's <c>verify_token</c>: checks the held ID or access token (signature, issuer, audience/client, use, expiry) and returns its claims.</summary>
    [Alias("VerifyToken")]
    Task<VerifiedClaims> VerifyTokenAsync(string tokenUse = "access", CancellationToken cancellationToken = default);

    /// <summary>The session's state, without the tokens; never does I/O.</summary>
    [Alias("GetSession")]
    Task<SessionInfo> GetSessionAsync();

    /// <summary>warrant's <c>logout</c>: GlobalSignOut (every session of the user), then the local state is cleared — only after Cognito agreed.</summary>
    [Alias("Logout")]
    Task LogoutAsync(CancellationToken cancellationToken = default);

    /// <summary>Ends only this session: RevokeToken on its refresh token, then clears the local state.</summary>
    [Alias("RevokeSession")]
    Task RevokeSessionAsync(CancellationToken cancellationToken = default);
}
