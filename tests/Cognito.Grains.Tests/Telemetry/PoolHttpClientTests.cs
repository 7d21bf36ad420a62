using Cognito.Grains.Pools;
using Cognito.Testing.CognitoLocal;

namespace Cognito.Grains.Tests.Telemetry;

/// <summary>A pool's HTTP client is the application's named client: its own handlers see the pool's Cognito calls.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class PoolHttpClientTests(GrainClusterFixture cluster)
{
    [Fact]
    public async Task A_handler_added_to_the_pools_named_client_sees_its_Cognito_calls()
    {
        Assert.Equal("Cognito:main", CognitoHttpClients.NameFor("main"));
        var username = await cluster.NewUserAsync("main");
        var before = CallRecordingHandler.Count("InitiateAuth");
        var answersBefore = CallRecordingHandler.Count("RespondToAuthChallenge");

        Assert.True((await cluster.User("main", username).AuthenticateAsync(CognitoLocalFixture.DefaultPassword)).IsSignedIn);

        Assert.True(CallRecordingHandler.Count("InitiateAuth") > before);
        Assert.True(CallRecordingHandler.Count("RespondToAuthChallenge") > answersBefore);
    }
}
