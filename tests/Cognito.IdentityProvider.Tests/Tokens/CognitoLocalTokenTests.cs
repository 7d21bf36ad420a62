using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Tokens;
using Cognito.Testing.CognitoLocal;

namespace Cognito.IdentityProvider.Tests.Tokens;

/// <summary>Tokens issued by a real emulator (cognito-local), verified against the JWKS it serves.</summary>
[Collection(CognitoLocalCollection.Name)]
public sealed class CognitoLocalTokenTests(CognitoLocalFixture emulator)
{
    [Fact]
    public async Task Tokens_from_cognito_local_verify_against_its_jwks()
    {
        var pool = await emulator.CreatePoolAsync();
        var username = await emulator.CreateUserAsync(pool, email: "verify@example.com");
        var tokens = await SignInAsync(pool, username);
        var options = new CognitoTokenVerifierOptions { Issuer = pool.Issuer, UseJwksEnvironmentVariable = false };
        options.ClientIds.Add(pool.ClientId);
        var verifier = new CognitoTokenVerifier(options, emulator.Http);

        var id = await verifier.VerifyIdTokenAsync(tokens.IdToken!);
        var access = await verifier.VerifyAccessTokenAsync(tokens.AccessToken!);

        Assert.Equal(new Uri(pool.Issuer + "/.well-known/jwks.json"), verifier.JwksUri);
        Assert.Equal(TokenUse.Id, id.TokenUse);
        Assert.Equal(TokenUse.Access, access.TokenUse);
        Assert.Equal(pool.ClientId, id.ClientId);
        Assert.Equal(pool.ClientId, access.ClientId);
        Assert.Equal(username, id.Username);
        Assert.Equal(username, access.Username);
        Assert.Equal(id.Subject, access.Subject);
        Assert.Equal("verify@example.com", id.Claims["email"]);
        Assert.Equal(username, UnverifiedTokenReader.ReadUnverified(tokens.AccessToken!).Username);
        Assert.Equal(access.ExpiresAt, UnverifiedTokenReader.ReadUnverified(tokens.AccessToken!).ExpiresAt);
    }

    [Fact]
    public async Task Cognito_local_tokens_are_refused_for_another_pool_or_client()
    {
        var pool = await emulator.CreatePoolAsync();
        var other = await emulator.CreatePoolAsync();
        var tokens = await SignInAsync(pool, await emulator.CreateUserAsync(pool));

        var otherPool = new CognitoTokenVerifierOptions { Issuer = other.Issuer, UseJwksEnvironmentVariable = false };
        otherPool.ClientIds.Add(pool.ClientId);
        var error = await Assert.ThrowsAsync<TokenValidationException>(() => new CognitoTokenVerifier(otherPool, emulator.Http).VerifyIdTokenAsync(tokens.IdToken!));
        Assert.Equal(TokenValidationFailureReason.WrongIssuer, error.Reason);

        var otherClient = new CognitoTokenVerifierOptions { Issuer = pool.Issuer, UseJwksEnvironmentVariable = false };
        otherClient.ClientIds.Add(other.ClientId);
        var verifier = new CognitoTokenVerifier(otherClient, emulator.Http);
        Assert.Equal(TokenValidationFailureReason.WrongAudience, (await Assert.ThrowsAsync<TokenValidationException>(() => verifier.VerifyIdTokenAsync(tokens.IdToken!))).Reason);
        Assert.Equal(TokenValidationFailureReason.WrongClientId, (await Assert.ThrowsAsync<TokenValidationException>(() => verifier.VerifyAccessTokenAsync(tokens.AccessToken!))).Reason);
    }

    private async Task<AuthenticationResultType> SignInAsync(TestPool pool, string username)
    {
        var response = await emulator.CreateClient(pool.UserPoolId).InitiateAuthAsync(new InitiateAuthRequest
        {
            AuthFlow = "USER_PASSWORD_AUTH",
            ClientId = pool.ClientId,
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = CognitoLocalFixture.DefaultPassword },
        });
        return response.AuthenticationResult ?? throw new InvalidOperationException($"cognito-local answered a {response.ChallengeName} challenge instead of tokens.");
    }
}
