using System.Text.Json;
using System.Text.Json.Nodes;
using Cognito.Testing.Tools;

namespace Cognito.IdentityProvider.Tests.Srp;

/// <summary>Runs vectors.js: AWS's own JS client computing SRP values for given inputs, in one node process.</summary>
internal static class AwsJsClient
{
    public static async Task<JsonObject> RunAsync(object request)
    {
        var prefix = await AwsJsClientPackage.InstallAsync();
        var script = Path.Combine(AppContext.BaseDirectory, "Srp", "vectors.js");
        var responseFile = Path.Combine(Path.GetTempPath(), $"srp-vectors-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output) = await NpmPackages.RunAsync("node", [script, prefix, responseFile], standardInput: JsonSerializer.Serialize(request));
            Assert.True(exit == 0, $"node vectors.js failed ({exit}):\n{output}");
            return JsonNode.Parse(await File.ReadAllTextAsync(responseFile))!.AsObject();
        }
        finally
        {
            File.Delete(responseFile);
        }
    }
}
