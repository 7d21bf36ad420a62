using Cognito.Client.Errors;
using Cognito.Client.Model;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.Tools;

namespace Cognito.Grains.Tests;

/// <summary>Challenges answered through the grain that received them; the Cognito session never leaves the silo.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class ChallengeTests(GrainClusterFixture cluster)
{
    private const string Password = CognitoLocalFixture.DefaultPassword;

    [Fact]
    public async Task New_password_required_with_attributes()
    {
        var username = cluster.UniqueName("newpw");
        var user = cluster.User("main", username);
        await user.AdminCreateUserAsync(new NewUser(new Dictionary<string, string> { ["email"] = $"{username}@example.com" }, "Temp0rary!Pass", SuppressMessage: true));

        var step = await user.AuthenticateAsync("Temp0rary!Pass");
        Assert.Equal(SignInStatus.ChallengeRequired, step.Status);
        Assert.Equal(ChallengeNameType.NewPasswordRequired, step.Challenge!.Name);
        Assert.Equal(ChallengeNameType.NewPasswordRequired, (await user.GetSessionAsync()).PendingChallenge!.Name);

        // The wrong kind of answer is a typed error and leaves the challenge in place.
        await Assert.ThrowsAsync<NoPendingChallengeException>(() => user.RespondToMfaAsync("123456"));
        var done = await user.RespondToNewPasswordAsync(Password, new Dictionary<string, string> { ["first_name"] = "New" }, new Dictionary<string, string> { ["given_name"] = "first_name" });
        Assert.True(done.IsSignedIn);
        Assert.Equal(username, (await user.GetUserAsync()).Username);
        Assert.Null((await user.GetSessionAsync()).PendingChallenge);
    }

    [Fact]
    public async Task Software_token_mfa_association_preference_and_sign_in()
    {
        var username = await cluster.NewUserAsync("main");
        var user = cluster.User("main", username);
        await user.AuthenticateAsync(Password);

        var secret = await user.AssociateSoftwareTokenAsync();
        await Assert.ThrowsAnyAsync<IdentityProvider.Errors.CognitoException>(() => user.VerifySoftwareTokenAsync("000000"));
        await user.VerifySoftwareTokenAsync(Totp.Code(secret), "phone");
        await user.SetMfaPreferenceAsync(new MfaPreference(SoftwareTokenEnabled: true, Preferred: ChallengeNameType.SoftwareTokenMfa));
        Assert.Equal(ChallengeNameType.SoftwareTokenMfa, (await user.GetUserAsync()).PreferredMfa);
        await user.LogoutAsync();

        var step = await user.AuthenticateAsync(Password);
        Assert.Equal(ChallengeNameType.SoftwareTokenMfa, step.Challenge!.Name);
        await Assert.ThrowsAnyAsync<IdentityProvider.Errors.CognitoServiceException>(() => user.RespondToMfaAsync("000000"));
        var done = await user.RespondToMfaAsync(Totp.Code(secret));
        Assert.True(done.IsSignedIn);
    }

    [Fact]
    public async Task Answers_without_a_pending_challenge_are_typed_errors()
    {
        var user = cluster.User("main", cluster.UniqueName("none"));
        var error = await Assert.ThrowsAsync<NoPendingChallengeException>(() => user.RespondToMfaAsync("123456"));
        Assert.Equal(NoPendingChallengeException.Code, error.ErrorCode);
        await Assert.ThrowsAsync<NoPendingChallengeException>(() => user.BeginMfaSetupAsync());
        await Assert.ThrowsAsync<NoPendingChallengeException>(() => user.SelectMfaTypeAsync("SOFTWARE_TOKEN_MFA"));
        await Assert.ThrowsAsync<NoPendingChallengeException>(() => user.RespondToCustomChallengeAsync("42"));
        await Assert.ThrowsAsync<NoPendingChallengeException>(() => user.CompleteMfaSetupAsync("123456"));
    }
}
