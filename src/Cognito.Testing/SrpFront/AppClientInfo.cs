namespace Cognito.Testing.SrpFront;

/// <summary>What the front knows of an app client: its pool, its secret, its auth flows, and the settings cognito-local ignores.</summary>
public sealed record AppClientInfo(string ClientId, string UserPoolId, string? ClientSecret, bool PreventUserExistenceErrors, IReadOnlyList<string>? ExplicitAuthFlows = null)
{
    /// <summary>Whether the client allows <paramref name="flow"/> (<c>ALLOW_USER_AUTH</c>, ...); a client created without ExplicitAuthFlows allows Cognito's defaults.</summary>
    public bool Allows(string flow) =>
        ExplicitAuthFlows is not { Count: > 0 } flows
            ? flow is "ALLOW_USER_SRP_AUTH" or "ALLOW_REFRESH_TOKEN_AUTH" or "ALLOW_CUSTOM_AUTH"
            : flows.Contains(flow, StringComparer.Ordinal);

    /// <summary>Never prints the client secret.</summary>
    public override string ToString() => $"AppClientInfo {{ ClientId = {ClientId}, UserPoolId = {UserPoolId}, ClientSecret = {(ClientSecret is null ? "null" : "***")}, PreventUserExistenceErrors = {PreventUserExistenceErrors} }}";
}
