namespace Cognito.Testing.SrpFront;

/// <summary>What the front knows of an app client: its pool, its secret, and the settings cognito-local ignores.</summary>
public sealed record AppClientInfo(string ClientId, string UserPoolId, string? ClientSecret, bool PreventUserExistenceErrors)
{
    /// <summary>Never prints the client secret.</summary>
    public override string ToString() => $"AppClientInfo {{ ClientId = {ClientId}, UserPoolId = {UserPoolId}, ClientSecret = {(ClientSecret is null ? "null" : "***")}, PreventUserExistenceErrors = {PreventUserExistenceErrors} }}";
}
