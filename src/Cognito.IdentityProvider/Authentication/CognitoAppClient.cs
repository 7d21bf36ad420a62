using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Security;

namespace Cognito.IdentityProvider.Authentication;

/// <summary>The app client a sign-in goes through: pool, client id and, for confidential clients, the secret.</summary>
public sealed record CognitoAppClient
{
    /// <summary>An app client of the pool <paramref name="userPoolId"/>; <paramref name="clientSecret"/> only for a confidential client.</summary>
    public CognitoAppClient(string userPoolId, string clientId, string? clientSecret = null)
    {
        Pool = Configuration.UserPoolId.Parse(userPoolId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ClientId = clientId;
        ClientSecret = string.IsNullOrEmpty(clientSecret) ? null : clientSecret;
    }

    /// <summary>The pool, parsed.</summary>
    public UserPoolId Pool { get; }

    /// <summary>The pool id as Cognito spells it.</summary>
    public string UserPoolId => Pool.Value;

    /// <summary>The app client id.</summary>
    public string ClientId { get; }

    /// <summary>The app client secret, or null for a public client.</summary>
    public string? ClientSecret { get; }

    /// <summary>SECRET_HASH for <paramref name="username"/>, or null for a client without a secret.</summary>
    public string? SecretHashFor(string username) => SecretHash.ComputeIfSecret(username, ClientId, ClientSecret);

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => $"CognitoAppClient {{ UserPoolId = {UserPoolId}, ClientId = {ClientId}, ClientSecret = {(ClientSecret is null ? "null" : "***")} }}";
}
