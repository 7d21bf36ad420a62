using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Srp;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.SrpFront;

namespace Cognito.IdentityProvider.Tests.Authentication;

/// <summary>Sessions, tokens, passwords and codes never reach a log through ToString.</summary>
[Collection(SrpFrontCollection.Name)]
public sealed class SecretsInTextTests(SrpFrontFixture fixture)
{
    private const string Secret = "S3cr3t-value-that-must-not-print";

    public static TheoryData<string> Texts()
    {
        var tokens = new CognitoTokens(Secret + "-access", Secret + "-id", Secret + "-refresh", DateTimeOffset.UnixEpoch, "Bearer", new NewDeviceMetadata("eu-west-1_dev", "-group"));
        var challenge = new AuthChallenge("SOFTWARE_TOKEN_MFA", Secret + "-session", "alice", new Dictionary<string, string> { ["SECRET_BLOCK"] = Secret + "-block" }, false, DateTimeOffset.UnixEpoch);
        return new TheoryData<string>
        {
            tokens.ToString(),
            new AuthSucceeded(tokens, "alice").ToString(),
            challenge.ToString(),
            new NewPasswordAnswer(Secret, new Dictionary<string, string> { ["given_name"] = Secret }).ToString(),
            new MfaCodeAnswer(Secret).ToString(),
            new MfaSetupAnswer(Secret, "phone").ToString(),
            new CustomChallengeAnswer(Secret, new Dictionary<string, string> { ["extra"] = Secret }).ToString(),
            new DeviceSecrets("eu-west-1_dev", "-group", Secret).ToString(),
            new CognitoAppClient("eu-west-1_AbC123", "client", Secret).ToString(),
        };
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void No_secret_in_the_text_form(string text)
    {
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.Contains("***", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Real_tokens_and_sessions_do_not_print_either()
    {
        var pool = await fixture.CreatePoolAsync(mfaConfiguration: "OFF");
        var username = fixture.UniqueName("print");
        await fixture.CreateClient().AdminCreateUserAsync(new AdminCreateUserRequest
        {
            UserPoolId = pool.UserPoolId,
            Username = username,
            TemporaryPassword = "Temp0rary!Pass",
            MessageAction = "SUPPRESS",
        });
        using var signIn = new FrontSignIn(fixture, pool);

        var challenge = Assert.IsType<AuthChallenge>(await signIn.Authenticator.SignInWithSrpAsync(username, "Temp0rary!Pass"));
        Assert.DoesNotContain(challenge.Session, challenge.ToString(), StringComparison.Ordinal);

        var answer = new NewPasswordAnswer(CognitoLocalFixture.DefaultPassword);
        Assert.DoesNotContain(CognitoLocalFixture.DefaultPassword, answer.ToString(), StringComparison.Ordinal);
        var succeeded = Assert.IsType<AuthSucceeded>(await signIn.Authenticator.RespondAsync(challenge, answer));
        var text = succeeded.ToString();
        foreach (var token in new[] { succeeded.Tokens.AccessToken, succeeded.Tokens.IdToken!, succeeded.Tokens.RefreshToken! })
        {
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            // Not even a recognisable part of one (a JWT's header or payload).
            Assert.All(token.Split('.'), part => Assert.DoesNotContain(part, text, StringComparison.Ordinal));
        }

        Assert.Contains(username, text, StringComparison.Ordinal);
    }
}
