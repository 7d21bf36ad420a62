using System.Text.Json.Nodes;
using Cognito.Testing.Tools;

namespace Cognito.Testing.Tests.Support;

/// <summary>
/// AWS's own JavaScript client (amazon-cognito-identity-js, its default USER_SRP_AUTH flow) run in
/// Node against an endpoint. One node process runs a whole plan of scenarios, so that what the
/// client remembers (tokens, device key and device password) carries across them as in a browser.
/// </summary>
public static class JsCognitoClient
{
    public static async Task<JsonArray> RunAsync(Uri endpoint, params JsonObject[] scenarios)
    {
        var prefix = await AwsJsClientPackage.InstallAsync();
        var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "cognito-js-client.js");
        var plan = new JsonObject
        {
            ["module"] = Path.Combine(prefix, "node_modules", AwsJsClientPackage.Name),
            ["endpoint"] = endpoint.ToString(),
            ["scenarios"] = new JsonArray([.. scenarios]),
        };
        var (exit, output) = await NpmPackages.RunAsync("node", [script], standardInput: plan.ToJsonString());
        Assert.True(exit == 0, $"node {script} failed ({exit}):\n{output}");
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("{\"scenarios\"", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The JS client printed no result:\n{output}");
        return JsonNode.Parse(line)!["scenarios"]!.AsArray();
    }

    public static JsonObject Scenario(string name, Cognito.Testing.CognitoLocal.TestPool pool, string username, string password, params string[] steps) => new()
    {
        ["name"] = name,
        ["userPoolId"] = pool.UserPoolId,
        ["clientId"] = pool.ClientId,
        ["username"] = username,
        ["password"] = password,
        ["steps"] = new JsonArray([.. steps.Select(s => (JsonNode)s)]),
    };

    /// <summary>The result of one step of one scenario, by names.</summary>
    public static JsonObject Step(JsonArray results, string scenario, int index) =>
        results.OfType<JsonObject>().Single(s => s["name"]!.GetValue<string>() == scenario)["steps"]![index]!.AsObject();
}
