using System.Text.Json.Nodes;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.SrpFront;
using Cognito.Testing.Tests.Support;

namespace Cognito.Testing.Tests.Front;

/// <summary>The Cognito settings cognito-local stores but ignores (or drops) take effect through the front.</summary>
[Collection(SrpFrontCollection.Name)]
public sealed class PoolSettingsTests(SrpFrontFixture fixture)
{
    private RawCognito Raw => new(fixture.Http, fixture.Front.Url);

    [Fact]
    public async Task A_pools_DeviceConfiguration_and_a_clients_RefreshTokenRotation_are_honoured()
    {
        var client = fixture.CreateClient();
        var created = await client.CreateUserPoolAsync(new CreateUserPoolRequest
        {
            PoolName = fixture.UniqueName("settings"),
            UsernameAttributes = [],
            DeviceConfiguration = new DeviceConfigurationType { ChallengeRequiredOnNewDevice = true, DeviceOnlyRememberedOnUserPrompt = true },
        });
        var poolId = created.UserPool!.Id!;
        var appClient = await client.CreateUserPoolClientAsync(new CreateUserPoolClientRequest
        {
            UserPoolId = poolId,
            ClientName = fixture.UniqueName("rotating"),
            RefreshTokenRotation = new RefreshTokenRotationType { Feature = "ENABLED", RetryGracePeriodSeconds = 0 },
        });
        var pool = new TestPool(poolId, appClient.UserPoolClient!.ClientId!, null, fixture.Server.IssuerFor(poolId));
        var username = await fixture.CreateUserAsync(pool);

        var result = (await new SrpLogin(Raw, pool).LoginAsync(username))["AuthenticationResult"]!.AsObject();
        var (_, confirmed) = await DeviceSecret.ConfirmAsync(Raw, result);
        Assert.True(confirmed["UserConfirmationNecessary"]!.GetValue<bool>());

        var refreshToken = result["RefreshToken"]!.GetValue<string>();
        var rotated = await Raw.CallAsync("GetTokensFromRefreshToken", new JsonObject { ["ClientId"] = pool.ClientId, ["RefreshToken"] = refreshToken });
        Assert.NotEqual(refreshToken, rotated["AuthenticationResult"]!["RefreshToken"]!.GetValue<string>());
    }
}
