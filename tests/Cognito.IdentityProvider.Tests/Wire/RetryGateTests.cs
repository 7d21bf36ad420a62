using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.Scripted;

namespace Cognito.IdentityProvider.Tests.Wire;

/// <summary>Every retry asks the configured gate first; a gate with no room ends the call with the last error.</summary>
public sealed class RetryGateTests : IAsyncLifetime
{
    private static readonly GetUserRequest AnyCall = new() { AccessToken = "eyJ.a.b" };
    private ScriptedCognitoServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedCognitoServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Each_retry_passes_the_gate_with_the_failure_that_caused_it()
    {
        _server.Handler = (_, context) => _server.Requests.Count <= 2
            ? ScriptedCognitoServer.RespondAsync(context, 429, """{"__type":"TooManyRequestsException","message":"Rate exceeded"}""")
            : ScriptedCognitoServer.RespondAsync(context, 200, """{"Username":"bob","UserAttributes":[]}""");
        var gate = new RecordingGate(allow: true);
        var user = await ScriptedClient.Create(_server, o => o.RetryGate = gate).GetUserAsync(AnyCall);
        Assert.Equal("bob", user.Username);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(2, gate.Asked.Count);
        Assert.All(gate.Asked, a => Assert.Equal(("GetUser", true), (a.Operation, a.Failure is TooManyRequestsException)));
    }

    [Fact]
    public async Task A_gate_without_room_ends_the_call_with_the_last_error_and_no_resend()
    {
        _server.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 429, """{"__type":"TooManyRequestsException","message":"Rate exceeded"}""");
        var gate = new RecordingGate(allow: false);
        await Assert.ThrowsAsync<TooManyRequestsException>(() => ScriptedClient.Create(_server, o => o.RetryGate = gate).GetUserAsync(AnyCall));
        Assert.Single(_server.Requests);
        Assert.Single(gate.Asked);
    }

    private sealed class RecordingGate(bool allow) : ICognitoRetryGate
    {
        public List<(string Operation, Exception Failure)> Asked { get; } = [];

        public ValueTask<bool> WaitToRetryAsync(string operation, Exception failure, CancellationToken cancellationToken)
        {
            lock (Asked)
            {
                Asked.Add((operation, failure));
            }

            return ValueTask.FromResult(allow);
        }
    }
}
