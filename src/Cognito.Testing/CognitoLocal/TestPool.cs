namespace Cognito.Testing.CognitoLocal;

/// <summary>A user pool and one app client created on the emulator for a test.</summary>
public sealed record TestPool(string UserPoolId, string ClientId, string? ClientSecret, string Issuer)
{
    /// <summary>The pool name SRP hashes in: the part of the pool id after the underscore.</summary>
    public string PoolName => UserPoolId[(UserPoolId.IndexOf('_', StringComparison.Ordinal) + 1)..];

    /// <summary>Never prints the client secret.</summary>
    public override string ToString() => $"TestPool {{ UserPoolId = {UserPoolId}, ClientId = {ClientId}, ClientSecret = {(ClientSecret is null ? "null" : "***")} }}";
}
