using System.Security.Cryptography;
using System.Text;

namespace Cognito.IdentityProvider.Security;

/// <summary>
/// <c>SECRET_HASH</c> = Base64(HMAC-SHA256(client secret, username ‖ client id)), required by app
/// clients that have a secret. Which username goes in matters: the request's own for sign-up and
/// forgot-password, the typed name (alias allowed) for InitiateAuth, and the internal username
/// (the challenge's <c>USERNAME</c> or the access token's <c>username</c>) for every challenge
/// answer and refresh after that.
/// </summary>
public static class SecretHash
{
    /// <summary>SECRET_HASH of <paramref name="username"/> for the client <paramref name="clientId"/> with secret <paramref name="clientSecret"/>.</summary>
    public static string Compute(string username, string clientId, string clientSecret)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(clientSecret);
        var key = Encoding.UTF8.GetBytes(clientSecret);
        var message = Encoding.UTF8.GetBytes(username + clientId);
        return Convert.ToBase64String(HMACSHA256.HashData(key, message));
    }

    /// <summary>The hash when the client has a secret, else null (the parameter is then left out).</summary>
    public static string? ComputeIfSecret(string username, string clientId, string? clientSecret) =>
        string.IsNullOrEmpty(clientSecret) ? null : Compute(username, clientId, clientSecret);
}
