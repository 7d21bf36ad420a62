using Cognito.Client;
using Cognito.Client.Model;
using Cognito.Testing;
using Cognito.Testing.Orleans;
using Orleans.TestingHost;
using Xunit;

namespace Cognito.Example.Tests;

public sealed class GreeterGrainTests : IAsyncLifetime
{
    private LocalCognito _cognito = null!;
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        // cognito-local + the SRP front on free ports, from a temporary directory.
        _cognito = await LocalCognito.StartAsync();
        var pool = await _cognito.CreatePoolAsync();
        await _cognito.CreateUserAsync(pool, new LocalUser("alice")
        {
            Attributes = new Dictionary<string, string> { ["email"] = "alice@example.com" },
        });

        var builder = new TestClusterBuilder(1);
        builder.AddLocalCognito(_cognito.SiloConfiguration("main", pool));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    [Fact]
    public async Task Greets_a_signed_in_user_by_email()
    {
        var alice = _cluster.Client.GetCognitoUser("main", "alice");
        var signIn = await alice.AuthenticateAsync(LocalUser.DefaultPassword); // SRP, through the front
        Assert.Equal(SignInStatus.SignedIn, signIn.Status);

        var greeting = await _cluster.Client.GetGrain<IGreeterGrain>("alice").GreetAsync();

        Assert.Equal("Hello, alice@example.com!", greeting);
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        await _cognito.DisposeAsync();
    }
}
