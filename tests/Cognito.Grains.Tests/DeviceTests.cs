using Cognito.Client.Errors;
using Cognito.Testing.CognitoLocal;

namespace Cognito.Grains.Tests;

/// <summary>Remembering a device: the next sign-in proves it with device SRP instead of asking for MFA.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class DeviceTests(GrainClusterFixture cluster)
{
    [Fact]
    public async Task Remember_sign_in_with_device_list_and_forget()
    {
        var username = await cluster.NewUserAsync("devices");
        var user = cluster.User("devices", username);
        await Assert.ThrowsAsync<NotSignedInException>(() => user.RememberDeviceAsync());

        var first = await user.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
        Assert.NotNull(first.NewDevice);
        var remembered = await user.RememberDeviceAsync("laptop");
        Assert.Equal(first.NewDevice!.DeviceKey, remembered.DeviceKey);
        Assert.Equal(remembered.DeviceKey, (await user.GetSessionAsync()).DeviceKey);

        var devices = await user.ListDevicesAsync();
        Assert.Contains(devices, d => d.DeviceKey == remembered.DeviceKey);

        await user.LogoutAsync();
        var deviceRounds = cluster.Front.Count("RespondToAuthChallenge:DEVICE_PASSWORD_VERIFIER");
        Assert.True((await user.AuthenticateAsync(CognitoLocalFixture.DefaultPassword)).IsSignedIn);
        Assert.Equal(deviceRounds + 1, cluster.Front.Count("RespondToAuthChallenge:DEVICE_PASSWORD_VERIFIER"));

        await user.ForgetDeviceAsync();
        Assert.Null((await user.GetSessionAsync()).DeviceKey);
        Assert.DoesNotContain(await user.ListDevicesAsync(), d => d.DeviceKey == remembered.DeviceKey);
    }

    [Fact]
    public async Task A_device_forgotten_elsewhere_is_dropped_and_the_sign_in_goes_through()
    {
        var username = await cluster.NewUserAsync("devices");
        var user = cluster.User("devices", username);
        await user.AuthenticateAsync(CognitoLocalFixture.DefaultPassword);
        var remembered = await user.RememberDeviceAsync("phone");

        // Another client of the same user forgets this device.
        var tokens = await user.GetTokensAsync();
        await cluster.CreateClient().ForgetDeviceAsync(new IdentityProvider.Model.ForgetDeviceRequest { AccessToken = tokens.AccessToken, DeviceKey = remembered.DeviceKey });
        await user.LogoutAsync();

        Assert.True((await user.AuthenticateAsync(CognitoLocalFixture.DefaultPassword)).IsSignedIn);
        Assert.NotEqual(remembered.DeviceKey, (await user.GetSessionAsync()).DeviceKey);
    }
}
