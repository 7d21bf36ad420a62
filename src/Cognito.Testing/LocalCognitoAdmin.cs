using System.Text.Json.Nodes;
using Amazon.Runtime;
using Cognito.IdentityProvider;
using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.SrpFront;

namespace Cognito.Testing;

/// <summary>
/// Creates and finds pools, app clients and users through the Cognito API itself, at
/// <paramref name="serviceUrl"/> (the front, so it learns each password and can serve SRP, or the
/// bare emulator). Signed calls use dummy credentials: the emulator accepts any.
/// </summary>
public sealed class LocalCognitoAdmin(HttpClient http, Uri serviceUrl, CognitoLocalServer emulator)
{
    private int _counter;

    /// <summary>The credentials every local call signs with; they keep admin calls off the machine's real ones.</summary>
    public static AWSCredentials Credentials { get; } = new BasicAWSCredentials(AccessKeyId, SecretAccessKey);

    /// <summary>The access key id of <see cref="Credentials"/>.</summary>
    public const string AccessKeyId = "AKIDLOCAL";

    /// <summary>The secret key of <see cref="Credentials"/>.</summary>
    public const string SecretAccessKey = "local-secret-key";

    /// <summary>Where the calls go: the front.</summary>
    public Uri ServiceUrl => serviceUrl;

    /// <summary>Wire-client options for the local Cognito, for the pool <paramref name="userPoolId"/> when given.</summary>
    public CognitoIdentityProviderOptions Options(string? userPoolId = null) => new()
    {
        ServiceUrl = serviceUrl,
        Region = "local",
        UserPoolId = userPoolId,
        Credentials = Credentials,
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(30),
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
    };

    /// <summary>A wire client for the local Cognito.</summary>
    public CognitoIdentityProviderClient CreateClient(string? userPoolId = null) => new(http, Options(userPoolId));

    /// <summary>A name no other call of this admin returned: <paramref name="prefix"/>, a counter and random letters (40 characters at most).</summary>
    public string UniqueName(string prefix) => $"{prefix}{Interlocked.Increment(ref _counter)}x{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 12, 40)];

    /// <summary>Creates a pool and one app client that allows the password, SRP, admin, custom, choice-based (USER_AUTH) and refresh flows.</summary>
    public async Task<TestPool> CreatePoolAsync(LocalPoolOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalPoolOptions();
        var client = CreateClient();
        var pool = await client.CreateUserPoolAsync(new CreateUserPoolRequest
        {
            PoolName = options.Name ?? UniqueName("pool"),
            UsernameAttributes = options.UsernameAttributes,
            AliasAttributes = options.AliasAttributes,
            AutoVerifiedAttributes = ["email"],
            MfaConfiguration = options.MfaConfiguration,
            // cognito-local checks updates (not sign-up) against the schema: undeclared custom attributes would be refused there, as Cognito refuses them everywhere.
            Schema = options.CustomAttributes.Count == 0 ? null : [.. options.CustomAttributes.Select(name => new SchemaAttributeType { Name = name, AttributeDataType = "String", Mutable = true })],
            DeviceConfiguration = options.DeviceTracking ? new DeviceConfigurationType { ChallengeRequiredOnNewDevice = false, DeviceOnlyRememberedOnUserPrompt = true } : null,
            Policies = new UserPoolPolicyType { SignInPolicy = new SignInPolicyType { AllowedFirstAuthFactors = options.FirstAuthFactors } },
        }, cancellationToken);
        var poolId = pool.UserPool!.Id!;
        if (options.PasskeyRelyingPartyId is { } relyingParty)
        {
            // The typed client has no SetUserPoolMfaConfig (the grains never call it).
            await new UpstreamClient(http, serviceUrl).CallAsync("SetUserPoolMfaConfig", new JsonObject { ["UserPoolId"] = poolId, ["MfaConfiguration"] = options.MfaConfiguration, ["WebAuthnConfiguration"] = new JsonObject { ["RelyingPartyId"] = relyingParty, ["UserVerification"] = "preferred" } }, cancellationToken);
        }

        return await CreateAppClientAsync(poolId, options, cancellationToken);
    }

    /// <summary>Creates another app client of a pool.</summary>
    public async Task<TestPool> CreateAppClientAsync(string userPoolId, LocalPoolOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalPoolOptions();
        var minutes = options.AccessTokenValidity is not null || options.IdTokenValidity is not null;
        var appClient = await CreateClient().CreateUserPoolClientAsync(new CreateUserPoolClientRequest
        {
            UserPoolId = userPoolId,
            ClientName = options.ClientName ?? UniqueName("client"),
            GenerateSecret = options.WithSecret,
            ExplicitAuthFlows = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_USER_AUTH"],
            AccessTokenValidity = options.AccessTokenValidity is { } access ? (int)Math.Ceiling(access.TotalMinutes) : null,
            IdTokenValidity = options.IdTokenValidity is { } id ? (int)Math.Ceiling(id.TotalMinutes) : null,
            TokenValidityUnits = minutes ? new TokenValidityUnitsType { AccessToken = "minutes", IdToken = "minutes", RefreshToken = "days" } : null,
            RefreshTokenRotation = options.RefreshTokenRotation ? new RefreshTokenRotationType { Feature = "ENABLED", RetryGracePeriodSeconds = 0 } : null,
        }, cancellationToken);
        var created = appClient.UserPoolClient!;
        return new TestPool(userPoolId, created.ClientId!, created.ClientSecret, emulator.IssuerFor(userPoolId));
    }

    /// <summary>The first pool named <paramref name="poolName"/> and its first app client named <paramref name="clientName"/>, or null.</summary>
    public async Task<TestPool?> FindPoolAsync(string poolName, string clientName, CancellationToken cancellationToken = default)
    {
        // The typed client has no ListUserPools / ListUserPoolClients (the grains never need them): raw JSON 1.1 calls.
        var wire = new UpstreamClient(http, serviceUrl);
        var pools = await wire.CallAsync("ListUserPools", new JsonObject { ["MaxResults"] = 60 }, cancellationToken);
        foreach (var pool in (pools["UserPools"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (pool.Str("Name") != poolName || pool.Str("Id") is not { } poolId)
            {
                continue;
            }

            var clients = await wire.CallAsync("ListUserPoolClients", new JsonObject { ["UserPoolId"] = poolId, ["MaxResults"] = 60 }, cancellationToken);
            if ((clients["UserPoolClients"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => c.Str("ClientName") == clientName).Str("ClientId") is { } clientId)
            {
                // Described, so the secret (if any) is known.
                var described = await CreateClient().DescribeUserPoolClientAsync(new DescribeUserPoolClientRequest { UserPoolId = poolId, ClientId = clientId }, cancellationToken);
                return new TestPool(poolId, clientId, described.UserPoolClient?.ClientSecret, emulator.IssuerFor(poolId));
            }
        }

        return null;
    }

    /// <summary>Creates a confirmed user with a permanent password through the admin API; returns the username.</summary>
    public async Task<string> CreateUserAsync(TestPool pool, LocalUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(user);
        var client = CreateClient(pool.UserPoolId);
        var attributes = user.Attributes.Select(a => new AttributeType { Name = a.Key, Value = a.Value }).ToList();
        if (user.Attributes.ContainsKey("email") && !user.Attributes.ContainsKey("email_verified"))
        {
            attributes.Add(new AttributeType { Name = "email_verified", Value = "true" });
        }

        await client.AdminCreateUserAsync(new AdminCreateUserRequest
        {
            UserPoolId = pool.UserPoolId,
            Username = user.Username,
            MessageAction = "SUPPRESS",
            TemporaryPassword = user.Password,
            UserAttributes = attributes,
        }, cancellationToken);
        await client.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest
        {
            UserPoolId = pool.UserPoolId,
            Username = user.Username,
            Password = user.Password,
            Permanent = true,
        }, cancellationToken);
        return user.Username;
    }

    /// <summary>Whether the pool has a user by that name.</summary>
    public async Task<bool> UserExistsAsync(TestPool pool, string username, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pool);
        try
        {
            await CreateClient(pool.UserPoolId).AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = pool.UserPoolId, Username = username }, cancellationToken);
            return true;
        }
        catch (UserNotFoundException)
        {
            return false;
        }
    }
}
