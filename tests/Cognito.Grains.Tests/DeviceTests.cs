using Cognito.Client.Grains;
using Cognito.Client.Errors;
using Cognito.IdentityProvider.Errors;
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
        var listed = Assert.Single(devices, d => d.DeviceKey == remembered.DeviceKey);
        Assert.Equal(("laptop", true), (listed.Name, listed.Remembered));

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

    [Fact]
    public async Task A_device_remembered_by_one_session_is_proved_by_the_next_session_it_is_given_to()
    {
        var sessions = new SessionDriver(cluster, "devices");
        var (alice, bob) = (await cluster.NewUserAsync("devices"), await cluster.NewUserAsync("devices"));
        var (first, second, third) = (CognitoSessions.NewId(), CognitoSessions.NewId(), CognitoSessions.NewId());
        await sessions.SignInAsync(alice, first);
        Assert.Null(await sessions.CallAsync(alice, first, g => g.GetRememberedDeviceAsync()));
        await sessions.CallAsync(alice, first, g => g.RememberDeviceAsync("browser"));
        var device = await sessions.CallAsync(alice, first, g => g.GetRememberedDeviceAsync());
        Assert.NotNull(device);
        Assert.DoesNotContain(device!.DevicePassword, device.ToString(), StringComparison.Ordinal);

        var deviceRounds = cluster.Front.Count("RespondToAuthChallenge:DEVICE_PASSWORD_VERIFIER");
        await sessions.CallAsync(alice, second, g => g.UseRememberedDeviceAsync(device));
        await sessions.SignInAsync(alice, second);
        Assert.Equal(deviceRounds + 1, cluster.Front.Count("RespondToAuthChallenge:DEVICE_PASSWORD_VERIFIER"));
        Assert.Equal(device.DeviceKey, (await sessions.CallAsync(alice, second, g => g.GetSessionAsync())).DeviceKey);
        await Assert.ThrowsAsync<InvalidParameterException>(() => sessions.CallAsync(alice, second, g => g.UseRememberedDeviceAsync(device)));
        // A user's own key, which anyone may name, takes no device from outside.
        await Assert.ThrowsAsync<InvalidParameterException>(() => cluster.User("devices", bob).UseRememberedDeviceAsync(device));
        await Assert.ThrowsAsync<InvalidParameterException>(() => cluster.User("devices", alice).GetRememberedDeviceAsync());

        // Another user's device proves nothing: Cognito does not know it for bob, who signs in without it.
        await sessions.CallAsync(bob, third, g => g.UseRememberedDeviceAsync(device));
        await sessions.SignInAsync(bob, third);
        Assert.Equal(deviceRounds + 1, cluster.Front.Count("RespondToAuthChallenge:DEVICE_PASSWORD_VERIFIER"));
        Assert.NotEqual(device.DeviceKey, (await sessions.CallAsync(bob, third, g => g.GetSessionAsync())).DeviceKey);
        await sessions.EndAllAsync(alice);
        await sessions.EndAllAsync(bob);
    }
}
