using System.Text.Json;
using Cognito.Testing.Scripted;

namespace Cognito.Grains.Tests;

/// <summary>Scripting the "recorded" pool: AWS-shaped answers per operation, and what the grain sent.</summary>
internal static class RecordedPool
{
    public const string Tokens = """{"AuthenticationResult":{"AccessToken":"eyJ.access.recorded","ExpiresIn":3600,"IdToken":"eyJ.id.recorded","RefreshToken":"eyJ.refresh.recorded","TokenType":"Bearer"},"ChallengeParameters":{}}""";

    /// <summary>Answers each operation named in <paramref name="answers"/> from the request's body; any other is an InvalidParameterException.</summary>
    public static void Script(this GrainClusterFixture cluster, Dictionary<string, Func<JsonElement, string>> answers) => cluster.Recorded.Handler = async (request, context) =>
    {
        var body = JsonDocument.Parse(request.Body).RootElement;
        if (!answers.TryGetValue(request.Operation!, out var answer))
        {
            await ScriptedCognitoServer.RespondAsync(context, 400, $$"""{"__type":"InvalidParameterException","message":"unexpected {{request.Operation}}"}""");
            return;
        }

        await ScriptedCognitoServer.RespondAsync(context, 200, answer(body));
    };

    /// <summary>The body of the last <paramref name="operation"/> the recorded pool received.</summary>
    public static JsonElement Last(this GrainClusterFixture cluster, string operation) =>
        JsonDocument.Parse(cluster.Recorded.Requests.Last(r => r.Operation == operation).Body).RootElement;
}
