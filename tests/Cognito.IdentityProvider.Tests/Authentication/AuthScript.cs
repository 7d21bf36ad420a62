using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Cognito.Testing.Scripted;

namespace Cognito.IdentityProvider.Tests.Authentication;

/// <summary>
/// The calls a scripted Cognito expects, in order, each answered with a recorded AWS-shaped body
/// built from the request. A call out of order, or a step whose checks fail, is answered with a
/// 400 the client does not retry, and remembered so the test can fail with the reason.
/// </summary>
internal sealed class AuthScript
{
    private readonly ConcurrentQueue<(string Operation, Func<JsonObject, ScriptReply> Reply)> _steps = new();
    private readonly ConcurrentQueue<string> _failures = new();

    public AuthScript(ScriptedCognitoServer server) => server.Handler = HandleAsync;

    public AuthScript Then(string operation, Func<JsonObject, ScriptReply> reply)
    {
        _steps.Enqueue((operation, reply));
        return this;
    }

    public AuthScript Then(string operation, Func<JsonObject, JsonObject> reply) => Then(operation, body => ScriptReply.Ok(reply(body)));

    /// <summary>Every step was called and passed its checks.</summary>
    public void AssertDone()
    {
        Assert.Empty(_failures);
        Assert.Empty(_steps);
    }

    private async Task HandleAsync(RecordedRequest request, Microsoft.AspNetCore.Http.HttpContext context)
    {
        ScriptReply reply;
        if (!_steps.TryDequeue(out var step))
        {
            reply = Fail($"Unexpected call {request.Operation}: the script has ended.");
        }
        else if (step.Operation != request.Operation)
        {
            reply = Fail($"Expected {step.Operation}, got {request.Operation}.");
        }
        else
        {
            try
            {
                reply = step.Reply(JsonNode.Parse(request.Body)!.AsObject());
            }
            catch (Exception e)
            {
                reply = Fail($"{step.Operation}: {e.Message}");
            }
        }

        await ScriptedCognitoServer.RespondAsync(context, reply.Status, reply.Json.ToJsonString());
    }

    private ScriptReply Fail(string reason)
    {
        _failures.Enqueue(reason);
        return ScriptReply.Error("Script#Mismatch", reason);
    }
}

internal sealed record ScriptReply(int Status, JsonObject Json)
{
    public static ScriptReply Ok(JsonObject json) => new(200, json);

    /// <summary>An error body exactly as Cognito sends it (HTTP 400, <c>__type</c> and <c>message</c>).</summary>
    public static ScriptReply Error(string type, string message) => new(400, new JsonObject { ["__type"] = type, ["message"] = message });
}
