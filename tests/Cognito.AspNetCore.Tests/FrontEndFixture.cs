using Cognito.Client;
using Cognito.Client.Grains;
using Cognito.Client.Model;
using Cognito.Testing;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.Orleans;
using Orleans.TestingHost;

namespace Cognito.AspNetCore.Tests;

/// <summary>The local Cognito (cognito-local + SRP front), a TestCluster serving pool <c>main</c> from it, and front ends on TestServer.</summary>
public sealed class FrontEndFixture : IAsyncLifetime
{
    public LocalCognito Local { get; private set; } = null!;

    public TestPool Pool { get; private set; } = null!;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        Local = await LocalCognito.StartAsync();
        Pool = await Local.CreatePoolAsync();
        var builder = new TestClusterBuilder(1);
        builder.AddLocalCognito(Local.SiloConfiguration("main", Pool));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        if (Local is not null)
        {
            await Local.DisposeAsync();
        }
    }

    public async Task<string> NewUserAsync()
    {
        var username = "u" + Guid.NewGuid().ToString("N")[..12];
        await Local.CreateUserAsync(Pool, new LocalUser(username));
        return username;
    }

    /// <summary>Signs <paramref name="username"/> in on a new session key; the session id and its tokens.</summary>
    public async Task<(string SessionId, TokenSet Tokens)> SignInAsync(string username)
    {
        var sessionId = CognitoSessions.NewId();
        using (CognitoSessions.Enter(sessionId))
        {
            var session = Grains.GetCognitoSession("main", username, sessionId);
            var result = await session.AuthenticateAsync(LocalUser.DefaultPassword);
            Assert.True(result.IsSignedIn);
            return (sessionId, await session.GetTokensAsync());
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FrontEndCollection : ICollectionFixture<FrontEndFixture>
{
    public const string Name = "front ends";
}
