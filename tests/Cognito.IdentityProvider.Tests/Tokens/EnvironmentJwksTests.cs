using Cognito.IdentityProvider.Tokens;

namespace Cognito.IdentityProvider.Tests.Tokens;

/// <summary>Tests that change the process's environment run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}

/// <summary>The one test that reads the real <c>COGNITO_JWKS</c>, as warrant users set it.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class EnvironmentJwksTests
{
    [Fact]
    public async Task The_real_COGNITO_JWKS_variable_is_read()
    {
        var saved = Environment.GetEnvironmentVariable(CognitoTokenVerifierOptions.JwksEnvironmentVariable);
        await using var scenario = await TokenScenario.StartAsync();
        try
        {
            Environment.SetEnvironmentVariable(CognitoTokenVerifierOptions.JwksEnvironmentVariable, TestRsaKey.Jwks(TestRsaKey.B));
            var options = new CognitoTokenVerifierOptions { Issuer = scenario.Issuer };
            options.ClientIds.Add(TokenScenario.ClientId);

            // The public constructor, with no HttpClient: only the environment can supply the keys.
            var verifier = new CognitoTokenVerifier(options, timeProvider: scenario.Time);

            Assert.Null(verifier.JwksUri);
            var verified = await verifier.VerifyIdTokenAsync(scenario.IdToken(key: TestRsaKey.B));
            Assert.Equal(TokenScenario.Subject, verified.Subject);
            Assert.Equal(0, scenario.Server.AllRequests);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CognitoTokenVerifierOptions.JwksEnvironmentVariable, saved);
        }
    }
}
