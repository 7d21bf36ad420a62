using Amazon.Runtime;
using Cognito.IdentityProvider;
using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Model;

namespace Cognito.Silo.Local;

/// <summary>
/// The quick start's environment: a cognito-local emulator with a pool, an app client and a
/// confirmed demo user, created through the Cognito API itself.
/// </summary>
public sealed class LocalCognito : IAsyncDisposable
{
    public const string PoolName = "main";
    public const string DemoUsername = "demo";
    public const string DemoPassword = "Demo-Passw0rd!";

    private readonly CognitoLocalServer _server;

    private LocalCognito(CognitoLocalServer server, string userPoolId, string clientId)
    {
        _server = server;
        UserPoolId = userPoolId;
        ClientId = clientId;
    }

    public Uri ServiceUrl => _server.Url;

    public string UserPoolId { get; }

    public string ClientId { get; }

    public string Issuer => _server.IssuerFor(UserPoolId);

    /// <summary>The silo configuration (<c>Cognito:Pools:main:*</c>) that points at the emulator.</summary>
    public IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        [$"Cognito:Pools:{PoolName}:UserPoolId"] = UserPoolId,
        [$"Cognito:Pools:{PoolName}:ClientId"] = ClientId,
        [$"Cognito:Pools:{PoolName}:ServiceUrl"] = ServiceUrl.ToString(),
        [$"Cognito:Pools:{PoolName}:Issuer"] = Issuer,
        // The emulator accepts any credentials; these keep the admin calls off the machine's real ones.
        [$"Cognito:Pools:{PoolName}:AccessKeyId"] = "AKIDLOCAL",
        [$"Cognito:Pools:{PoolName}:SecretAccessKey"] = "local-secret-key",
    };

    public static async Task<LocalCognito> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = await CognitoLocalServer.StartAsync(cancellationToken);
        try
        {
            using var http = new HttpClient();
            var client = new CognitoIdentityProviderClient(http, new CognitoIdentityProviderOptions
            {
                ServiceUrl = server.Url,
                Region = "local",
                Credentials = new BasicAWSCredentials("AKIDLOCAL", "local-secret-key"),
            });
            var pool = await client.CreateUserPoolAsync(new CreateUserPoolRequest { PoolName = PoolName, AutoVerifiedAttributes = ["email"] }, cancellationToken);
            var poolId = pool.UserPool!.Id!;
            var app = await client.CreateUserPoolClientAsync(new CreateUserPoolClientRequest
            {
                UserPoolId = poolId,
                ClientName = "quick-start",
                ExplicitAuthFlows = ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
            }, cancellationToken);
            await client.AdminCreateUserAsync(new AdminCreateUserRequest
            {
                UserPoolId = poolId,
                Username = DemoUsername,
                MessageAction = MessageActionType.Suppress,
                TemporaryPassword = DemoPassword,
                UserAttributes = [new AttributeType { Name = "email", Value = "demo@example.com" }, new AttributeType { Name = "email_verified", Value = "true" }],
            }, cancellationToken);
            await client.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest { UserPoolId = poolId, Username = DemoUsername, Password = DemoPassword, Permanent = true }, cancellationToken);
            return new LocalCognito(server, poolId, app.UserPoolClient!.ClientId!);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
