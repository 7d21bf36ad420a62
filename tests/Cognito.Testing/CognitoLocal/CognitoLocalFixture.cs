using Amazon.Runtime;
using Cognito.IdentityProvider;
using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Model;
using Xunit;

namespace Cognito.Testing.CognitoLocal;

/// <summary>
/// One cognito-local for a test collection, with helpers to create pools, clients and users
/// through the API itself. Signed calls use dummy credentials (the emulator accepts any).
/// </summary>
public class CognitoLocalFixture : IAsyncLifetime
{
    public const string DefaultPassword = "Passw0rd!Strong";

    private CognitoLocalServer? _server;
    private int _counter;

    public CognitoLocalServer Server => _server ?? throw new InvalidOperationException("The emulator is not started.");

    public HttpClient Http { get; } = new() { Timeout = Timeout.InfiniteTimeSpan };

    public static AWSCredentials DummyCredentials { get; } = new BasicAWSCredentials("AKIDLOCAL", "local-secret-key");

    public virtual async Task InitializeAsync() => _server = await CognitoLocalServer.StartAsync();

    public virtual async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Http.Dispose();
    }

    /// <summary>Where the fixture's clients (and so its pool and user helpers) send calls: the emulator, or a front before it.</summary>
    public virtual Uri ServiceUrl => Server.Url;

    public CognitoIdentityProviderOptions Options(string? userPoolId = null) => new()
    {
        ServiceUrl = ServiceUrl,
        Region = "local",
        UserPoolId = userPoolId,
        Credentials = DummyCredentials,
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(30),
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
    };

    public CognitoIdentityProviderClient CreateClient(string? userPoolId = null) => new(Http, Options(userPoolId));

    public string UniqueName(string prefix) => $"{prefix}{Interlocked.Increment(ref _counter)}x{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 12, 40)];

    /// <summary>Creates a pool and an app client (with a secret when asked) that allows password and refresh flows.</summary>
    public async Task<TestPool> CreatePoolAsync(bool withSecret = false, int? accessTokenMinutes = null, int? idTokenMinutes = null, IReadOnlyList<string>? usernameAttributes = null, IReadOnlyList<string>? aliasAttributes = null, string mfaConfiguration = "OFF")
    {
        var client = CreateClient();
        var pool = await client.CreateUserPoolAsync(new CreateUserPoolRequest
        {
            PoolName = UniqueName("pool"),
            UsernameAttributes = usernameAttributes ?? [],
            AliasAttributes = aliasAttributes,
            AutoVerifiedAttributes = ["email"],
            MfaConfiguration = mfaConfiguration,
            Schema = [new SchemaAttributeType { Name = "tier", AttributeDataType = "String", Mutable = true }],
        });
        var poolId = pool.UserPool!.Id!;
        var appClient = await client.CreateUserPoolClientAsync(new CreateUserPoolClientRequest
        {
            UserPoolId = poolId,
            ClientName = UniqueName("client"),
            GenerateSecret = withSecret,
            ExplicitAuthFlows = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH"],
            AccessTokenValidity = accessTokenMinutes,
            IdTokenValidity = idTokenMinutes,
            TokenValidityUnits = accessTokenMinutes is null && idTokenMinutes is null ? null : new TokenValidityUnitsType { AccessToken = "minutes", IdToken = "minutes", RefreshToken = "days" },
        });
        var created = appClient.UserPoolClient!;
        return new TestPool(poolId, created.ClientId!, created.ClientSecret, Server.IssuerFor(poolId));
    }

    /// <summary>Creates a confirmed user with a permanent password through the admin API.</summary>
    public async Task<string> CreateUserAsync(TestPool pool, string? username = null, string password = DefaultPassword, string? email = null)
    {
        username ??= UniqueName("user");
        var client = CreateClient(pool.UserPoolId);
        var attributes = new List<AttributeType>();
        if (email is not null)
        {
            attributes.Add(new AttributeType { Name = "email", Value = email });
            attributes.Add(new AttributeType { Name = "email_verified", Value = "true" });
        }

        await client.AdminCreateUserAsync(new AdminCreateUserRequest
        {
            UserPoolId = pool.UserPoolId,
            Username = username,
            MessageAction = "SUPPRESS",
            TemporaryPassword = password,
            UserAttributes = attributes,
        });
        await client.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest
        {
            UserPoolId = pool.UserPoolId,
            Username = username,
            Password = password,
            Permanent = true,
        });
        return username;
    }
}
