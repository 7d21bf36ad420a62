using Amazon.Runtime;
using Cognito.IdentityProvider.Configuration;
using Cognito.Testing.Scripted;

namespace Cognito.IdentityProvider.Tests.Wire;

/// <summary>A wire client pointed at a scripted server, with short timeouts and back-off so fault tests stay quick.</summary>
internal static class ScriptedClient
{
    public static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public static CognitoIdentityProviderOptions Options(ScriptedCognitoServer server) => new()
    {
        ServiceUrl = server.Url,
        Region = "eu-west-1",
        Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(10),
        MaxRetryAttempts = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(50),
    };

    public static CognitoIdentityProviderClient Create(ScriptedCognitoServer server, Action<CognitoIdentityProviderOptions>? configure = null)
    {
        var options = Options(server);
        configure?.Invoke(options);
        return new CognitoIdentityProviderClient(Http, options);
    }
}
