using Cognito.IdentityProvider.Model;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.Tools;

namespace Cognito.Grains.Tests;

/// <summary>
/// USER_AUTH and passkeys through the grain against the local front (real WebAuthn verification),
/// with a test-side software authenticator playing the browser.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class UserAuthSignInTests(GrainClusterFixture cluster)
{
    private const string Password = CognitoLocalFixture.DefaultPassword;

    [Fact]
    public async Task A_user_registers_a_passkey_through_the_grain_and_signs_in_with_it_in_a_new_session()
    {
        var name = await cluster.NewUserAsync("main");
        var user = cluster.User("main", name);
        Assert.True((await user.AuthenticateAsync(Password)).IsSignedIn);
        using var authenticator = new SoftwareAuthenticator();
        var options = System.Text.Json.Nodes.JsonNode.Parse(await user.StartPasskeyRegistrationAsync())!.AsObject();
        await user.CompletePasskeyRegistrationAsync(authenticator.Register(options).ToJsonString());
        Assert.Equal([authenticator.Id], (await user.ListPasskeysAsync()).Select(p => p.CredentialId));
        Assert.Contains("WEB_AUTHN", (await user.GetAuthFactorsAsync()).SignInFactors);

        var again = cluster.User("main", name);
        await again.LogoutAsync();
        var step = await again.StartUserAuthAsync("WEB_AUTHN");
        Assert.Equal(ChallengeNameType.WebAuthn, step.Challenge!.Name);
        var signedIn = await again.RespondToWebAuthnAsync(authenticator.Assert(step.Challenge.Parameters["CREDENTIAL_REQUEST_OPTIONS"]).ToJsonString());
        Assert.True(signedIn.IsSignedIn);
        Assert.False(string.IsNullOrEmpty((await again.GetTokensAsync()).AccessToken));
    }

    [Fact]
    public async Task The_user_chooses_a_factor_and_signs_in_with_the_emailed_code_or_with_srp()
    {
        var name = await cluster.NewUserAsync("main");
        var user = cluster.User("main", name);
        var select = await user.StartUserAuthAsync();
        Assert.Equal(ChallengeNameType.SelectChallenge, select.Challenge!.Name);
        Assert.Equal(["PASSWORD_SRP", "PASSWORD", "EMAIL_OTP"], select.Challenge.AvailableChallenges);
        var code = await user.SelectChallengeAsync("EMAIL_OTP");
        Assert.Equal(ChallengeNameType.EmailOtp, code.Challenge!.Name);
        await Assert.ThrowsAsync<Cognito.IdentityProvider.Errors.CodeMismatchException>(() => user.RespondToMfaAsync("000000"));
        Assert.True((await user.RespondToMfaAsync(CognitoLocalServer.Code)).IsSignedIn);

        await user.LogoutAsync();
        Assert.True((await user.StartUserAuthAsync("PASSWORD_SRP", Password)).IsSignedIn);
    }
}
