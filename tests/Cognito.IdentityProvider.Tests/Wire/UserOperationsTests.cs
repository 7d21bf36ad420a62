using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Security;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.Tools;

namespace Cognito.IdentityProvider.Tests.Wire;

/// <summary>The public (unsigned) user operations against a real cognito-local.</summary>
[Collection(CognitoLocalCollection.Name)]
public sealed class UserOperationsTests(CognitoLocalFixture cognito)
{
    private const string Password = CognitoLocalFixture.DefaultPassword;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sign_up_confirm_sign_in_profile_password_and_delete(bool withSecret)
    {
        var pool = await cognito.CreatePoolAsync(withSecret);
        // Every call here is unsigned: a signer that refuses to run proves none of them needs credentials.
        var options = cognito.Options();
        options.Credentials = null;
        var client = new CognitoIdentityProviderClient(cognito.Http, options, new RefusingSigner());
        var username = cognito.UniqueName("alice");
        string? Hash(string name) => SecretHash.ComputeIfSecret(name, pool.ClientId, pool.ClientSecret);

        var signUp = await client.SignUpAsync(new SignUpRequest
        {
            ClientId = pool.ClientId,
            Username = username,
            Password = Password,
            SecretHash = Hash(username),
            UserAttributes = [new AttributeType { Name = "email", Value = $"{username}@example.com" }, new AttributeType { Name = "custom:tier", Value = "gold" }],
        });
        Assert.False(signUp.UserConfirmed);
        Assert.False(string.IsNullOrEmpty(signUp.UserSub));

        await Assert.ThrowsAsync<UserNotConfirmedException>(() => client.InitiateAuthAsync(PasswordAuth(pool, username, Password, Hash(username))));
        await Assert.ThrowsAsync<CodeMismatchException>(() => client.ConfirmSignUpAsync(new ConfirmSignUpRequest { ClientId = pool.ClientId, Username = username, ConfirmationCode = "000000", SecretHash = Hash(username) }));
        await client.ConfirmSignUpAsync(new ConfirmSignUpRequest { ClientId = pool.ClientId, Username = username, ConfirmationCode = CognitoLocalServer.Code, SecretHash = Hash(username) });

        var auth = await client.InitiateAuthAsync(PasswordAuth(pool, username, Password, Hash(username)));
        var tokens = auth.AuthenticationResult!;
        Assert.NotNull(tokens.AccessToken);
        Assert.NotNull(tokens.IdToken);
        Assert.NotNull(tokens.RefreshToken);

        var user = await client.GetUserAsync(new GetUserRequest { AccessToken = tokens.AccessToken! });
        Assert.Equal(username, user.Username);
        Assert.Contains(user.UserAttributes, a => a.Name == "custom:tier" && a.Value == "gold");

        await client.UpdateUserAttributesAsync(new UpdateUserAttributesRequest
        {
            AccessToken = tokens.AccessToken!,
            UserAttributes = [new AttributeType { Name = "given_name", Value = "Alice" }, new AttributeType { Name = "email", Value = $"new-{username}@example.com" }],
        });
        await client.DeleteUserAttributesAsync(new DeleteUserAttributesRequest { AccessToken = tokens.AccessToken!, UserAttributeNames = ["custom:tier"] });
        user = await client.GetUserAsync(new GetUserRequest { AccessToken = tokens.AccessToken! });
        Assert.Contains(user.UserAttributes, a => a.Name == "given_name" && a.Value == "Alice");
        Assert.DoesNotContain(user.UserAttributes, a => a.Name == "custom:tier");

        await client.GetUserAttributeVerificationCodeAsync(new GetUserAttributeVerificationCodeRequest { AccessToken = tokens.AccessToken!, AttributeName = "email" });
        await Assert.ThrowsAsync<CodeMismatchException>(() => client.VerifyUserAttributeAsync(new VerifyUserAttributeRequest { AccessToken = tokens.AccessToken!, AttributeName = "email", Code = "999999" }));
        await client.VerifyUserAttributeAsync(new VerifyUserAttributeRequest { AccessToken = tokens.AccessToken!, AttributeName = "email", Code = CognitoLocalServer.Code });
        user = await client.GetUserAsync(new GetUserRequest { AccessToken = tokens.AccessToken! });
        Assert.Contains(user.UserAttributes, a => a.Name == "email_verified" && a.Value == "true");

        const string changed = "Chang3d!Password";
        await client.ChangePasswordAsync(new ChangePasswordRequest { AccessToken = tokens.AccessToken!, PreviousPassword = Password, ProposedPassword = changed });
        await client.InitiateAuthAsync(PasswordAuth(pool, username, changed, Hash(username)));

        await client.ForgotPasswordAsync(new ForgotPasswordRequest { ClientId = pool.ClientId, Username = username, SecretHash = Hash(username) });
        const string reset = "R3set!Password";
        await client.ConfirmForgotPasswordAsync(new ConfirmForgotPasswordRequest { ClientId = pool.ClientId, Username = username, ConfirmationCode = CognitoLocalServer.Code, Password = reset, SecretHash = Hash(username) });
        var afterReset = await client.InitiateAuthAsync(PasswordAuth(pool, username, reset, Hash(username)));

        // Refresh uses the internal username in SECRET_HASH.
        var refreshed = await client.InitiateAuthAsync(new InitiateAuthRequest
        {
            ClientId = pool.ClientId,
            AuthFlow = AuthFlowType.RefreshTokenAuth,
            AuthParameters = WithHash(new() { ["REFRESH_TOKEN"] = afterReset.AuthenticationResult!.RefreshToken! }, Hash(username)),
        });
        Assert.NotNull(refreshed.AuthenticationResult!.AccessToken);

        await client.RevokeTokenAsync(new RevokeTokenRequest { ClientId = pool.ClientId, ClientSecret = pool.ClientSecret, Token = afterReset.AuthenticationResult.RefreshToken! });
        await Assert.ThrowsAsync<NotAuthorizedException>(() => client.InitiateAuthAsync(new InitiateAuthRequest
        {
            ClientId = pool.ClientId,
            AuthFlow = AuthFlowType.RefreshTokenAuth,
            AuthParameters = WithHash(new() { ["REFRESH_TOKEN"] = afterReset.AuthenticationResult.RefreshToken! }, Hash(username)),
        }));

        await client.DeleteUserAsync(new DeleteUserRequest { AccessToken = afterReset.AuthenticationResult.AccessToken! });
        await Assert.ThrowsAsync<UserNotFoundException>(() => client.GetUserAsync(new GetUserRequest { AccessToken = afterReset.AuthenticationResult.AccessToken! }));
    }

    [Fact]
    public async Task Software_token_association_verification_and_mfa_preference()
    {
        var pool = await cognito.CreatePoolAsync(mfaConfiguration: "OPTIONAL");
        var username = await cognito.CreateUserAsync(pool);
        var client = cognito.CreateClient();
        var tokens = (await client.InitiateAuthAsync(PasswordAuth(pool, username, Password, null))).AuthenticationResult!;

        var association = await client.AssociateSoftwareTokenAsync(new AssociateSoftwareTokenRequest { AccessToken = tokens.AccessToken });
        Assert.False(string.IsNullOrEmpty(association.SecretCode));
        await Assert.ThrowsAnyAsync<CognitoServiceException>(() => client.VerifySoftwareTokenAsync(new VerifySoftwareTokenRequest { AccessToken = tokens.AccessToken, UserCode = "000000" }));
        var verified = await client.VerifySoftwareTokenAsync(new VerifySoftwareTokenRequest { AccessToken = tokens.AccessToken, UserCode = Totp.Code(association.SecretCode!), FriendlyDeviceName = "phone" });
        Assert.Equal(VerifySoftwareTokenResponseType.Success, verified.Status);

        await client.SetUserMFAPreferenceAsync(new SetUserMFAPreferenceRequest
        {
            AccessToken = tokens.AccessToken!,
            SoftwareTokenMfaSettings = new SoftwareTokenMfaSettingsType { Enabled = true, PreferredMfa = true },
        });
        var user = await client.GetUserAsync(new GetUserRequest { AccessToken = tokens.AccessToken! });
        Assert.Equal("SOFTWARE_TOKEN_MFA", user.PreferredMfaSetting);

        // The next sign-in asks for the authenticator code; answering it gives tokens.
        var challenge = await client.InitiateAuthAsync(PasswordAuth(pool, username, Password, null));
        Assert.Equal(ChallengeNameType.SoftwareTokenMfa, challenge.ChallengeName);
        var answered = await client.RespondToAuthChallengeAsync(new RespondToAuthChallengeRequest
        {
            ClientId = pool.ClientId,
            ChallengeName = ChallengeNameType.SoftwareTokenMfa,
            Session = challenge.Session,
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = username, ["SOFTWARE_TOKEN_MFA_CODE"] = Totp.Code(association.SecretCode!) },
        });
        Assert.NotNull(answered.AuthenticationResult?.AccessToken);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_are_typed_errors()
    {
        var pool = await cognito.CreatePoolAsync();
        var username = await cognito.CreateUserAsync(pool);
        var client = cognito.CreateClient();

        // cognito-local answers a wrong password with InvalidPasswordException where AWS says NotAuthorizedException.
        var wrong = await Assert.ThrowsAnyAsync<CognitoServiceException>(() => client.InitiateAuthAsync(PasswordAuth(pool, username, "Wr0ng!Password", null)));
        Assert.Contains(wrong.ErrorCode, new[] { NotAuthorizedException.Code, InvalidPasswordException.Code });
        Assert.DoesNotContain("Wr0ng!Password", wrong.Message, StringComparison.Ordinal);

        var unknown = await Assert.ThrowsAnyAsync<CognitoServiceException>(() => client.InitiateAuthAsync(PasswordAuth(pool, "nobody-" + username, Password, null)));
        Assert.Contains(unknown.ErrorCode, new[] { NotAuthorizedException.Code, UserNotFoundException.Code });
        Assert.NotNull(unknown.StatusCode);
    }

    [Fact]
    public async Task New_password_required_challenge_for_an_admin_created_user()
    {
        var pool = await cognito.CreatePoolAsync();
        var admin = cognito.CreateClient(pool.UserPoolId);
        var username = cognito.UniqueName("temp");
        await admin.AdminCreateUserAsync(new AdminCreateUserRequest { UserPoolId = pool.UserPoolId, Username = username, TemporaryPassword = "Temp0rary!Pass", MessageAction = "SUPPRESS" });

        var client = cognito.CreateClient();
        var challenge = await client.InitiateAuthAsync(PasswordAuth(pool, username, "Temp0rary!Pass", null));
        Assert.Equal(ChallengeNameType.NewPasswordRequired, challenge.ChallengeName);
        var done = await client.RespondToAuthChallengeAsync(new RespondToAuthChallengeRequest
        {
            ClientId = pool.ClientId,
            ChallengeName = ChallengeNameType.NewPasswordRequired,
            Session = challenge.Session,
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = username, ["NEW_PASSWORD"] = Password, ["userAttributes.given_name"] = "Temp" },
        });
        Assert.NotNull(done.AuthenticationResult?.IdToken);
    }

    internal static InitiateAuthRequest PasswordAuth(TestPool pool, string username, string password, string? secretHash) => new()
    {
        ClientId = pool.ClientId,
        AuthFlow = AuthFlowType.UserPasswordAuth,
        AuthParameters = WithHash(new() { ["USERNAME"] = username, ["PASSWORD"] = password }, secretHash),
    };

    private static Dictionary<string, string> WithHash(Dictionary<string, string> parameters, string? secretHash)
    {
        if (secretHash is not null)
        {
            parameters["SECRET_HASH"] = secretHash;
        }

        return parameters;
    }
}
