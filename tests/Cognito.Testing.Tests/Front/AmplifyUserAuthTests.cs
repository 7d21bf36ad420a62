using System.Text.Json.Nodes;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.SrpFront;
using Cognito.Testing.Tools;

namespace Cognito.Testing.Tests.Front;

/// <summary>
/// AWS Amplify's own USER_AUTH sign-in (aws-amplify, pinned) through the front: what it accepts is
/// what Cognito answers, so the front's SELECT_CHALLENGE, PASSWORD_SRP and EMAIL_OTP are trusted.
/// </summary>
[Collection(SrpFrontCollection.Name)]
public sealed class AmplifyUserAuthTests(SrpFrontFixture fixture)
{
    private const string Package = "aws-amplify";
    private const string Version = "6.22.1";

    [Fact]
    public async Task Amplify_signs_in_with_srp_and_with_a_chosen_email_code()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool, email: fixture.UniqueName("amp") + "@example.com");
        var prefix = await NpmPackages.EnsureInstalledAsync(Package, Version);
        var plan = new JsonObject
        {
            ["module"] = Path.Combine(prefix, "node_modules", Package),
            ["endpoint"] = fixture.Front.Url.ToString(),
            ["userPoolId"] = pool.UserPoolId,
            ["clientId"] = pool.ClientId,
            ["username"] = username,
            ["password"] = CognitoLocalFixture.DefaultPassword,
            ["code"] = LocalCognito.Code,
        };
        var script = Path.Combine(AppContext.BaseDirectory, "Scripts", "amplify-user-auth.js");
        var (exit, output) = await NpmPackages.RunAsync("node", [script], standardInput: plan.ToJsonString());
        Assert.True(exit == 0, $"node {script} failed ({exit}):\n{output}");
        var line = output.Split('\n').Last(l => l.StartsWith("{\"steps\"", StringComparison.Ordinal));
        var steps = JsonNode.Parse(line)!["steps"]!.AsArray().OfType<JsonObject>().ToDictionary(s => s["name"]!.GetValue<string>());
        var story = line + "\nfront rejections: " + string.Join(" | ", fixture.Front.Rejections.TakeLast(5));

        Assert.True(steps["srp"]["signInStep"]?.GetValue<string>() == "DONE", story);
        Assert.True(steps["srpUser"]["username"]?.GetValue<string>() == username, story);
        Assert.True(steps["choose"]["signInStep"]?.GetValue<string>() == "CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION", story);
        Assert.Contains("EMAIL_OTP", steps["choose"]["available"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.True(steps["select"]["signInStep"]?.GetValue<string>() == "CONFIRM_SIGN_IN_WITH_EMAIL_CODE", story);
        Assert.True(steps["wrongCode"]["code"]?.GetValue<string>() == "CodeMismatchException", story);
        Assert.True(steps["code"]["signInStep"]?.GetValue<string>() == "DONE", story);
        Assert.True(steps["codeUser"]["username"]?.GetValue<string>() == username, story);
        Assert.True(steps["wrongPassword"]["code"]?.GetValue<string>() == "NotAuthorizedException", story);
    }
}
