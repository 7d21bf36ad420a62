using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.Scripted;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cognito.IdentityProvider.Tests.Wire;

/// <summary>Retries, timeouts and broken answers: each ends in a typed error within bounds, never a hang.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private static readonly GetUserRequest AnyCall = new() { AccessToken = "eyJ.a.b" };
    private ScriptedCognitoServer _server = null!;

    public async Task InitializeAsync() => _server = await ScriptedCognitoServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Throttling_is_retried_with_backoff_until_it_passes()
    {
        _server.Handler = (_, context) => _server.Requests.Count <= 2
            ? ScriptedCognitoServer.RespondAsync(context, 429, """{"__type":"TooManyRequestsException","message":"Rate exceeded"}""")
            : ScriptedCognitoServer.RespondAsync(context, 200, """{"Username":"bob","UserAttributes":[]}""");
        var user = await ScriptedClient.Create(_server).GetUserAsync(AnyCall);
        Assert.Equal("bob", user.Username);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task Internal_errors_and_bare_5xx_are_retried_and_bounded()
    {
        _server.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 500, """{"__type":"InternalErrorException","message":"Internal error"}""");
        await Assert.ThrowsAsync<InternalErrorException>(() => ScriptedClient.Create(_server).GetUserAsync(AnyCall));
        Assert.Equal(4, _server.Requests.Count);

        _server.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 503, "<html>Service Unavailable</html>");
        var error = await Assert.ThrowsAsync<CognitoServiceException>(() => ScriptedClient.Create(_server).GetUserAsync(AnyCall));
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(8, _server.Requests.Count);
    }

    [Fact]
    public async Task Client_errors_are_never_retried()
    {
        _server.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 400, """{"__type":"NotAuthorizedException","message":"Access Token has been revoked"}""");
        await Assert.ThrowsAsync<NotAuthorizedException>(() => ScriptedClient.Create(_server).GetUserAsync(AnyCall));
        Assert.Single(_server.Requests);

        // An unsupported operation on an emulator (HTTP 500 with a specific code) is not transient either.
        _server.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 500, """{"__type":"CognitoLocal#Unsupported","message":"Cognito Local unsupported feature"}""");
        var unsupported = await Assert.ThrowsAsync<CognitoServiceException>(() => ScriptedClient.Create(_server).GetUserAsync(AnyCall));
        Assert.Equal("Unsupported", unsupported.ErrorCode);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Malformed_json_is_a_protocol_error()
    {
        _server.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 200, """{"Username":"bob","UserAttributes":[""");
        var error = await Assert.ThrowsAsync<CognitoProtocolException>(() => ScriptedClient.Create(_server).GetUserAsync(AnyCall));
        Assert.Equal(CognitoProtocolException.Code, error.ErrorCode);

        _server.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 200, "this is not json");
        await Assert.ThrowsAsync<CognitoProtocolException>(() => ScriptedClient.Create(_server).GetUserAsync(AnyCall));

        _server.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 200, """{"UserAttributes":[]}""");
        await Assert.ThrowsAsync<CognitoProtocolException>(() => ScriptedClient.Create(_server).GetUserAsync(AnyCall));

        _server.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 400, "<html>Bad Request</html>");
        await Assert.ThrowsAsync<CognitoProtocolException>(() => ScriptedClient.Create(_server).GetUserAsync(AnyCall));
    }

    [Fact]
    public async Task A_truncated_response_is_a_typed_error()
    {
        _server.Handler = async (_, context) =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentLength = 500;
            await context.Response.WriteAsync("""{"Username":"bo""");
            await context.Response.Body.FlushAsync();
            context.Abort();
        };
        var error = await Assert.ThrowsAnyAsync<CognitoException>(() => ScriptedClient.Create(_server).GetUserAsync(AnyCall));
        Assert.True(error is CognitoTransportException or CognitoProtocolException, error.GetType().Name);
    }

    [Fact]
    public async Task A_server_that_closes_the_connection_is_a_transport_error_after_retries()
    {
        _server.Handler = (_, context) =>
        {
            context.Features.Get<IHttpResponseFeature>();
            context.Abort();
            return Task.CompletedTask;
        };
        var error = await Assert.ThrowsAsync<CognitoTransportException>(() => ScriptedClient.Create(_server).GetUserAsync(AnyCall));
        Assert.Equal(CognitoTransportException.Code, error.ErrorCode);
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public async Task A_slow_server_times_out_within_the_total_bound()
    {
        _server.Handler = async (_, context) => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        var started = DateTime.UtcNow;
        var error = await Assert.ThrowsAsync<CognitoTimeoutException>(() => ScriptedClient.Create(_server, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.TotalTimeout = TimeSpan.FromMilliseconds(700);
        }).GetUserAsync(AnyCall));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        Assert.Equal(CognitoTimeoutException.Code, error.ErrorCode);
        Assert.InRange(_server.Requests.Count, 2, 4);
    }

    [Fact]
    public async Task Caller_cancellation_is_honoured_and_not_retried()
    {
        // Cancel once the server holds the request, not after a fixed time: on a loaded machine a
        // cold first request can take longer than any fixed delay to arrive.
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Handler = async (_, context) =>
        {
            arrived.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        };
        using var cancel = new CancellationTokenSource();
        var call = ScriptedClient.Create(_server).GetUserAsync(AnyCall, cancel.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await Task.Delay(TimeSpan.FromMilliseconds(300)); // where a retry would have arrived
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_a_transport_error()
    {
        var port = _server.Url.Port;
        await _server.DisposeAsync();
        _server = await ScriptedCognitoServer.StartAsync();
        var client = new CognitoIdentityProviderClient(ScriptedClient.Http, new Configuration.CognitoIdentityProviderOptions
        {
            ServiceUrl = new Uri($"http://127.0.0.1:{port}/"),
            Region = "eu-west-1",
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        });
        await Assert.ThrowsAsync<CognitoTransportException>(() => client.GetUserAsync(AnyCall));
    }
}
