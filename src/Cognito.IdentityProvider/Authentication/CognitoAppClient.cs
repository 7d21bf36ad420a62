using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Security;

namespace Cognito.IdentityProvider.Authentication;

/// <summary>The app client a sign-in goes through: pool, client id and, for confidential clients, the secret.</summary>
public sealed record CognitoAppClient
{
    public CognitoAppClient(string userPoolId, string clientId, string? clientSecret = null)
    {
        Pool = Configuration.UserPoolId.Parse(userPoolId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ClientId = clientId;
        ClientSecret = string.IsNullOrEmpty(clientSecret) ? null : clientSecret;
    }

    public UserPoolId Pool { get; }

    public string UserPoolId => Pool.Value;

    public string ClientId { get; }

    public string? ClientSecret { get; }

    /// <summary>SECRET_HASH for <paramref name="username"/>, or null for a client without a secret.</summary>
    public string? SecretHashFor(string username) => SecretHash.ComputeIfSecret(username, ClientId, ClientSecret);

    public override string ToString() => $"CognitoAppClient {{ UserPoolId = {UserPoolId}, ClientId = {ClientId}, ClientSecret = {(ClientSecret is null ? "null" : "***")} }}";
}
