using System.Globalization;
using Cognito.EndToEnd.Tests.Support;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.CognitoLocal;
using Xunit.Abstractions;

namespace Cognito.EndToEnd.Tests;

/// <summary>The whole product across processes: the client console app → the silo's gateway → the grains → the SRP front → cognito-local.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ScenarioTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromMinutes(3);

    private static readonly string[] ExpectedLines =
    [
        "connect: ok",
        "register: ok",
        "confirm: ok",
        "login: ok",
        "tokens: ok",
        "verify-token: ok",
        "get-user: ok",
        "update-profile: ok",
        "get-user-updated: ok",
        "change-password: ok",
        "logout: ok",
        "tokens-after-logout: ok",
        "login-old-password-refused: ok",
        "login-new-password: ok",
        "logout-final: ok",
        "scenario: ok",
    ];

    [Fact]
    public async Task A_client_process_runs_the_warrant_scenario_through_a_real_silo_process()
    {
        fixture.Front.ResetCounts();
        var username = fixture.UniqueName("e2e");
        var password = CognitoLocalFixture.DefaultPassword + "1a";
        var newPassword = CognitoLocalFixture.DefaultPassword + "2b";
        var email = $"{username}@example.com";

        await using var client = ChildProcess.StartDotnet(ProcessPaths.Client,
        [
            "--gateway-port", fixture.GatewayPort.ToString(CultureInfo.InvariantCulture),
            "--pool", EndToEndFixture.PoolName,
            "--username", username,
            "--password", password,
            "--new-password", newPassword,
            "--email", email,
            "--code", CognitoLocalServer.Code,
            "--tier", "gold",
            "--step-timeout", "60",
        ]);
        var exit = await client.WaitForExitAsync(ClientTimeout);
        var story = $"{client.Describe()}\n{fixture.Silo.Describe()}\nfront rejections: {string.Join(" | ", fixture.Front.Rejections)}";
        output.WriteLine(story);

        Assert.True(exit == 0, $"The client exited with {(exit is null ? $"nothing within {ClientTimeout}" : exit.Value.ToString(CultureInfo.InvariantCulture))}.\n{story}");
        Assert.Equal(ExpectedLines, client.StdoutLines);

        // Neither process ever shows a password or a token (JWTs start "eyJ").
        foreach (var process in new[] { client, fixture.Silo })
        {
            var text = process.Output;
            Assert.False(text.Contains(password, StringComparison.Ordinal), $"{process.Name} printed the password.");
            Assert.False(text.Contains(newPassword, StringComparison.Ordinal), $"{process.Name} printed the new password.");
            Assert.False(text.Contains("eyJ", StringComparison.Ordinal), $"{process.Name} printed a token.");
        }

        // The grains really signed in with SRP and out with GlobalSignOut, through the front.
        var counts = string.Join(", ", fixture.Front.Counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
        Assert.True(fixture.Front.Count("InitiateAuth:USER_SRP_AUTH") == 3, $"Expected 3 SRP sign-ins (login, refused old password, new password); the front saw: {counts}");
        Assert.True(fixture.Front.Count("GlobalSignOut") == 2, $"Expected 2 global sign-outs; the front saw: {counts}");
        Assert.True(fixture.Front.Count("ChangePassword") == 1, $"Expected 1 ChangePassword; the front saw: {counts}");

        // And Cognito itself holds what the scenario wrote.
        var user = await fixture.CreateClient(fixture.Pool.UserPoolId).AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = fixture.Pool.UserPoolId, Username = username });
        var attributes = (user.UserAttributes ?? []).ToDictionary(a => a.Name!, a => a.Value, StringComparer.Ordinal);
        Assert.Equal("CONFIRMED", user.UserStatus);
        Assert.Equal(email, attributes.GetValueOrDefault("email"));
        Assert.Equal("gold", attributes.GetValueOrDefault("custom:tier"));
        Assert.Equal("Ada", attributes.GetValueOrDefault("given_name"));
    }
}
