using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Tests.Tokens;
using Cognito.IdentityProvider.Tests.Wire;
using Cognito.Testing.Scripted;

namespace Cognito.IdentityProvider.Tests.Signing;

/// <summary>
/// The default credential chain is asked on the first signed call, and asked again after a failed
/// look-up instead of failing until restart. Instance metadata is switched off so no test ever
/// reaches for the metadata address.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class DefaultCredentialChainTests
{
    private static readonly string[] Variables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_EC2_METADATA_DISABLED", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI"];

    [Fact]
    public async Task A_failed_lookup_is_retried_on_the_next_signed_call()
    {
        var saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        await using var server = await ScriptedCognitoServer.StartAsync();
        server.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 200, """{"Username":"bob","UserAttributes":[]}""");
        try
        {
            foreach (var variable in Variables)
            {
                Environment.SetEnvironmentVariable(variable, null);
            }

            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
            var empty = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", empty);
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", empty);

            var client = ScriptedClient.Create(server, o => o.Credentials = null);
            var request = new AdminGetUserRequest { UserPoolId = "eu-west-1_AbC123", Username = "bob" };
            var error = await Assert.ThrowsAsync<CognitoConfigurationException>(() => client.AdminGetUserAsync(request));
            Assert.Contains("credentials", error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(server.Requests);

            // Unsigned operations never needed them.
            await client.GetUserAsync(new GetUserRequest { AccessToken = "eyJ.a.b" });

            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "secret-from-environment");
            await client.AdminGetUserAsync(request);
            Assert.Contains("Credential=AKIDFROMENVIRONMENT/", server.Requests[^1].Authorization, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var (variable, value) in saved)
            {
                Environment.SetEnvironmentVariable(variable, value);
            }
        }
    }
}
