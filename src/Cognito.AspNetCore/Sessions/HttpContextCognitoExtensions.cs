using Microsoft.AspNetCore.Http;

namespace Cognito.AspNetCore.Sessions;

/// <summary>The signed-in browser's session and tokens, in a request the Cognito cookie scheme authenticated.</summary>
public static class HttpContextCognitoExtensions
{
    /// <summary>The browser's session, or null when the request is not signed in to the Cognito cookie scheme.</summary>
    public static CognitoSession? GetCognitoSession(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Features.Get<CognitoSession>();
    }

    /// <summary>The session's current access token (refreshed by its grain when due), or null when not signed in.</summary>
    public static async Task<string?> GetCognitoAccessTokenAsync(this HttpContext http, bool forceRefresh = false)
    {
        if (http.GetCognitoSession() is not { } session)
        {
            return null;
        }

        var tokens = await session.CallAsync(g => forceRefresh ? g.RenewAccessTokenAsync(http.RequestAborted) : g.GetTokensAsync(http.RequestAborted));
        return tokens.AccessToken;
    }
}
