using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.Scripted;

namespace Cognito.IdentityProvider.Tests.Wire;

/// <summary>
/// An answer to a challenge spends its single-use session once Cognito processes it: after a
/// timeout it is not sent again (a second send could only be refused as "Invalid session"), while
/// an answer Cognito throttled before doing anything is.
/// </summary>
public sealed class SingleUseSessionRetryTests : IAsyncLifetime
{
    private static readonly RespondToAuthChallengeRequest Answer = new()
    {
        ClientId = "3n4b5urk1ft4fl3mg5e62d9ado",
        ChallengeName = ChallengeNameType.SoftwareTokenMfa,
        Session = "AYABeSingleUseSessionOfAChallenge0123456789",
        ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = "bob", ["SOFTWARE_TOKEN_MFA_CODE"] = "123456" },
    };

    private ScriptedCognitoServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedCognitoServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_challenge_answer_that_timed_out_is_not_sent_again()
    {
        await WarmAsync();
        _server.Handler = async (_, context) => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);

        await Assert.ThrowsAsync<CognitoTimeoutException>(() => Client().RespondToAuthChallengeAsync(Answer));

        Assert.Equal(2, _server.Requests.Count); // the warm-up and the one answer
    }

    [Fact]
    public async Task A_challenge_answer_whose_connection_broke_is_not_sent_again()
    {
        _server.Handler = (_, context) =>
        {
            context.Abort();
            return Task.CompletedTask;
        };

        await Assert.ThrowsAsync<CognitoTransportException>(() => Client().RespondToAuthChallengeAsync(Answer));

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_throttled_challenge_answer_is_sent_again()
    {
        _server.Handler = (_, context) => _server.Requests.Count == 1
            ? ScriptedCognitoServer.RespondAsync(context, 400, """{"__type":"TooManyRequestsException","message":"Rate exceeded"}""")
            : ScriptedCognitoServer.RespondAsync(context, 200, """{"ChallengeParameters":{},"AuthenticationResult":{"AccessToken":"eyJ.a.b","ExpiresIn":3600,"TokenType":"Bearer"}}""");

        var answered = await Client().RespondToAuthChallengeAsync(Answer);

        Assert.NotNull(answered.AuthenticationResult);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Other_calls_that_timed_out_are_still_retried()
    {
        await WarmAsync();
        _server.Handler = async (_, context) => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);

        await Assert.ThrowsAsync<CognitoTimeoutException>(() => Client().GetUserAsync(new GetUserRequest { AccessToken = "eyJ.a.b" }));

        Assert.Equal(1 + 3, _server.Requests.Count);
    }

    /// <summary>
    /// One answered call first, so the 1 s attempt timeout measures the answer, not a cold start
    /// (JIT, first connection) that can exceed it on a loaded machine.
    /// </summary>
    private async Task WarmAsync()
    {
        _server.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 200, """{"Username":"warm-up","UserAttributes":[]}""");
        await Client().GetUserAsync(new GetUserRequest { AccessToken = "eyJ.a.b" });
    }

    private CognitoIdentityProviderClient Client() => ScriptedClient.Create(_server, o =>
    {
        // Long enough for a cold first request to reach the server, short enough to keep the test quick.
        o.AttemptTimeout = TimeSpan.FromSeconds(1);
        o.TotalTimeout = TimeSpan.FromSeconds(10);
        o.MaxRetryAttempts = 2;
        o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
    });
}
