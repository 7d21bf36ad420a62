using System.Security.Cryptography;
using System.Text;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// SECRET_HASH as Cognito checks it: Base64(HMAC-SHA256(client secret, username ‖ client id)),
/// required only of app clients with a secret. Which username the caller must use is the caller's
/// business to know — that is what this catches.
/// </summary>
internal static class SecretHashCheck
{
    public static string Compute(string clientSecret, string username, string clientId) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(username + clientId)));

    /// <summary>Throws Cognito's NotAuthorizedException when the hash is missing or not computed over <paramref name="username"/>.</summary>
    public static void Verify(AppClientInfo? client, string? username, string? secretHash, bool enabled)
    {
        if (!enabled || client?.ClientSecret is not { Length: > 0 } secret || username is null)
        {
            return;
        }

        if (string.IsNullOrEmpty(secretHash))
        {
            throw CognitoFault.NotAuthorized($"Client {client.ClientId} is configured with secret but SECRET_HASH was not received");
        }

        var expected = Encoding.UTF8.GetBytes(Compute(secret, username, client.ClientId));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(secretHash)))
        {
            throw CognitoFault.NotAuthorized($"Unable to verify secret hash for client {client.ClientId}");
        }
    }
}
