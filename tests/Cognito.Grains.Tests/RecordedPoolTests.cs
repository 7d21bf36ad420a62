using System.Text.Json;
using Cognito.Client.Model;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.Scripted;

namespace Cognito.Grains.Tests;

/// <summary>
/// Grain operations whose Cognito side neither cognito-local nor the front has, against answers
/// shaped as AWS sends them (the "recorded" pool). The server checks what the grain sent.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class RecordedPoolTests(GrainClusterFixture cluster)
{
    private const string Tokens = RecordedPool.Tokens;

    private void Script(Dictionary<string, Func<JsonElement, string>> answers) => cluster.Script(answers);

    private JsonElement Last(string operation) => cluster.Last(operation);

    [Fact]
    public async Task Mfa_setup_during_sign_in()
    {
        Script(new()
        {
            ["InitiateAuth"] = _ => """{"ChallengeName":"MFA_SETUP","Session":"session-1-aaaaaaaaaaaaaaaa","ChallengeParameters":{"MFAS_CAN_SETUP":"[\"SOFTWARE_TOKEN_MFA\"]","USER_ID_FOR_SRP":"rita"}}""",
            ["AssociateSoftwareToken"] = b => b.GetProperty("Session").GetString() == "session-1-aaaaaaaaaaaaaaaa" ? """{"SecretCode":"JBSWY3DPEHPK3PXP","Session":"session-2-aaaaaaaaaaaaaaaa"}""" : "{}",
            ["VerifySoftwareToken"] = b => b.GetProperty("Session").GetString() == "session-2-aaaaaaaaaaaaaaaa" ? """{"Status":"SUCCESS","Session":"session-3-aaaaaaaaaaaaaaaa"}""" : """{"Status":"ERROR"}""",
            ["RespondToAuthChallenge"] = _ => Tokens,
        });
        var user = cluster.User("recorded", "rita");
        var step = await user.AuthenticateWithFlowAsync("USER_PASSWORD_AUTH", "Passw0rd!");
        Assert.Equal(ChallengeNameType.MfaSetup, step.Challenge!.Name);
        Assert.Equal(["SOFTWARE_TOKEN_MFA"], step.Challenge.MfaChoices);

        Assert.Equal("JBSWY3DPEHPK3PXP", await user.BeginMfaSetupAsync());
        var done = await user.CompleteMfaSetupAsync("123456", "phone");
        Assert.True(done.IsSignedIn);
        var answer = Last("RespondToAuthChallenge");
        Assert.Equal("MFA_SETUP", answer.GetProperty("ChallengeName").GetString());
        Assert.Equal("session-3-aaaaaaaaaaaaaaaa", answer.GetProperty("Session").GetString());
        Assert.Equal("rita", answer.GetProperty("ChallengeResponses").GetProperty("USERNAME").GetString());
        Assert.Equal("eyJ.access.recorded", (await user.GetTokensAsync()).AccessToken);
    }

    [Fact]
    public async Task New_password_required_sends_the_required_attributes_under_their_cognito_names()
    {
        Script(new()
        {
            ["InitiateAuth"] = _ => """{"ChallengeName":"NEW_PASSWORD_REQUIRED","Session":"session-np-aaaaaaaaaaaaaaa","ChallengeParameters":{"USER_ID_FOR_SRP":"nina","requiredAttributes":"[\"userAttributes.given_name\"]","userAttributes":"{\"email\":\"n@example.com\"}"}}""",
            ["RespondToAuthChallenge"] = _ => Tokens,
        });
        var user = cluster.User("recorded", "nina");
        var step = await user.AuthenticateWithFlowAsync("USER_PASSWORD_AUTH", "Temp0rary!");
        Assert.Equal(["given_name"], step.Challenge!.RequiredAttributes);
        var done = await user.RespondToNewPasswordAsync("N3w!Password", new Dictionary<string, string> { ["first_name"] = "Nina" }, new Dictionary<string, string> { ["given_name"] = "first_name" });
        Assert.True(done.IsSignedIn);
        var responses = Last("RespondToAuthChallenge").GetProperty("ChallengeResponses");
        Assert.Equal("Nina", responses.GetProperty("userAttributes.given_name").GetString());
        Assert.Equal("N3w!Password", responses.GetProperty("NEW_PASSWORD").GetString());
        Assert.Equal("nina", responses.GetProperty("USERNAME").GetString());
    }

    [Theory]
    [InlineData("EMAIL_OTP", "EMAIL_OTP_CODE")]
    [InlineData("SMS_MFA", "SMS_MFA_CODE")]
    public async Task Code_challenges(string challenge, string responseKey)
    {
        Script(new()
        {
            ["InitiateAuth"] = _ => $$$"""{"ChallengeName":"{{{challenge}}}","Session":"session-otp-aaaaaaaaaaaaaa","ChallengeParameters":{"CODE_DELIVERY_DESTINATION":"r***@e***","CODE_DELIVERY_DELIVERY_MEDIUM":"EMAIL","USER_ID_FOR_SRP":"rita-internal"}}""",
            ["RespondToAuthChallenge"] = _ => Tokens,
        });
        var user = cluster.User("recorded", "rita-internal");
        var step = await user.AuthenticateWithFlowAsync("USER_PASSWORD_AUTH", "Passw0rd!");
        Assert.Equal(challenge, step.Challenge!.Name);
        Assert.Equal("r***@e***", step.Challenge.Parameters["CODE_DELIVERY_DESTINATION"]);
        Assert.True((await user.RespondToMfaAsync("654321")).IsSignedIn);
        var responses = Last("RespondToAuthChallenge").GetProperty("ChallengeResponses");
        Assert.Equal("654321", responses.GetProperty(responseKey).GetString());
        Assert.Equal("rita-internal", responses.GetProperty("USERNAME").GetString());
    }

    [Fact]
    public async Task Select_mfa_type_then_the_code()
    {
        Script(new()
        {
            ["InitiateAuth"] = _ => """{"ChallengeName":"SELECT_MFA_TYPE","Session":"session-sel-aaaaaaaaaaaaaa","ChallengeParameters":{"MFAS_CAN_CHOOSE":"[\"SMS_MFA\",\"SOFTWARE_TOKEN_MFA\"]","USER_ID_FOR_SRP":"sam"}}""",
            ["RespondToAuthChallenge"] = b => b.GetProperty("ChallengeName").GetString() == "SELECT_MFA_TYPE"
                ? """{"ChallengeName":"SOFTWARE_TOKEN_MFA","Session":"session-totp-aaaaaaaaaaaaa","ChallengeParameters":{}}"""
                : Tokens,
        });
        var user = cluster.User("recorded", "sam");
        var step = await user.AuthenticateWithFlowAsync("USER_PASSWORD_AUTH", "Passw0rd!");
        Assert.Equal(["SMS_MFA", "SOFTWARE_TOKEN_MFA"], step.Challenge!.MfaChoices);
        var next = await user.SelectMfaTypeAsync("SOFTWARE_TOKEN_MFA");
        Assert.Equal(ChallengeNameType.SoftwareTokenMfa, next.Challenge!.Name);
        Assert.Equal("SOFTWARE_TOKEN_MFA", Last("RespondToAuthChallenge").GetProperty("ChallengeResponses").GetProperty("ANSWER").GetString());
        Assert.True((await user.RespondToMfaAsync("123456")).IsSignedIn);
    }

    [Fact]
    public async Task Custom_auth()
    {
        Script(new()
        {
            ["InitiateAuth"] = _ => """{"ChallengeName":"CUSTOM_CHALLENGE","Session":"session-custom-aaaaaaaaaaa","ChallengeParameters":{"question":"6 x 7?","USERNAME":"carl"}}""",
            ["RespondToAuthChallenge"] = b => b.GetProperty("ClientMetadata").GetProperty("app").GetString() == "test" && b.GetProperty("ChallengeResponses").GetProperty("ANSWER").GetString() == "42"
                ? Tokens
                : """{"ChallengeName":"CUSTOM_CHALLENGE","Session":"session-custom-bbbbbbbbbbb","ChallengeParameters":{"question":"6 x 7? (again)","USERNAME":"carl"}}""",
        });
        var user = cluster.User("recorded", "carl");
        var step = await user.StartCustomAuthAsync(clientMetadata: new Dictionary<string, string> { ["app"] = "test" });
        Assert.Equal("6 x 7?", step.Challenge!.Parameters["question"]);
        Assert.Equal("CUSTOM_AUTH", Last("InitiateAuth").GetProperty("AuthFlow").GetString());
        Assert.Equal("test", Last("InitiateAuth").GetProperty("ClientMetadata").GetProperty("app").GetString());

        var again = await user.RespondToCustomChallengeAsync("41");
        Assert.Equal("6 x 7? (again)", again.Challenge!.Parameters["question"]);
        Assert.True((await user.RespondToCustomChallengeAsync("42")).IsSignedIn);
    }

    [Fact]
    public async Task An_unknown_challenge_is_a_typed_error_naming_it()
    {
        Script(new() { ["InitiateAuth"] = _ => """{"ChallengeName":"QUANTUM_TOKEN","Session":"session-quantum-aaaaaaaaa","ChallengeParameters":{}}""" });
        var user = cluster.User("recorded", "wendy");
        var error = await Assert.ThrowsAsync<IdentityProvider.Authentication.UnsupportedChallengeException>(() => user.AuthenticateWithFlowAsync("USER_PASSWORD_AUTH", "Passw0rd!"));
        Assert.Contains("QUANTUM_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.False((await user.GetSessionAsync()).IsSignedIn);
    }

    [Fact]
    public async Task Typed_errors_cross_the_wire_with_their_cognito_names()
    {
        cluster.Recorded.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 400, """{"__type":"PasswordResetRequiredException","message":"Password reset required for the user"}""");
        var user = cluster.User("recorded", "paula");
        var error = await Assert.ThrowsAsync<PasswordResetRequiredException>(() => user.AuthenticateWithFlowAsync("USER_PASSWORD_AUTH", "Passw0rd!"));
        Assert.Equal("PasswordResetRequiredException", error.ErrorCode);
        Assert.Equal("Password reset required for the user", error.Message);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);

        cluster.Recorded.Handler = (_, context) => ScriptedCognitoServer.RespondAsync(context, 400, """{"__type":"BrandNewException","message":"new in AWS"}""");
        var unknown = await Assert.ThrowsAsync<CognitoServiceException>(() => user.AuthenticateWithFlowAsync("USER_PASSWORD_AUTH", "Passw0rd!"));
        Assert.Equal("BrandNewException", unknown.ErrorCode);
    }

    [Fact]
    public async Task An_expired_code_is_a_typed_error_and_the_grain_carries_on()
    {
        Script(new()
        {
            ["ResendConfirmationCode"] = _ => """{"CodeDeliveryDetails":{"AttributeName":"email","DeliveryMedium":"EMAIL","Destination":"e***@e***"}}""",
        });
        var inner = cluster.Recorded.Handler;
        cluster.Recorded.Handler = (request, context) => request.Operation == "ConfirmSignUp"
            ? ScriptedCognitoServer.RespondAsync(context, 400, """{"__type":"ExpiredCodeException","message":"Invalid code provided, please request a code again."}""")
            : inner(request, context);

        var user = cluster.User("recorded", "edgar");
        var error = await Assert.ThrowsAsync<ExpiredCodeException>(() => user.ConfirmSignUpAsync("123456"));
        Assert.Equal("ExpiredCodeException", error.ErrorCode);
        Assert.Equal("e***@e***", (await user.ResendConfirmationCodeAsync())!.Destination);
    }

    [Fact]
    public async Task Resend_code_and_admin_reset_password()
    {
        Script(new()
        {
            ["ResendConfirmationCode"] = _ => """{"CodeDeliveryDetails":{"AttributeName":"email","DeliveryMedium":"EMAIL","Destination":"r***@e***"}}""",
            ["AdminResetUserPassword"] = _ => "{}",
        });
        var user = cluster.User("recorded", "rhonda");
        var delivery = await user.ResendConfirmationCodeAsync();
        Assert.Equal(new CodeDelivery("r***@e***", "EMAIL", "email"), delivery);
        Assert.Equal("rhonda", Last("ResendConfirmationCode").GetProperty("Username").GetString());
        await user.AdminResetPasswordAsync();
        Assert.Equal("eu-west-1_Recorded1", Last("AdminResetUserPassword").GetProperty("UserPoolId").GetString());
        Assert.NotNull(cluster.Recorded.Requests.Last(r => r.Operation == "AdminResetUserPassword").Authorization);
    }

    [Fact]
    public async Task Pool_listings_follow_every_page()
    {
        Script(new()
        {
            ["ListUsers"] = b => (b.TryGetProperty("PaginationToken", out var t) ? t.GetString() : null) switch
            {
                null => """{"Users":[{"Username":"u1","Attributes":[{"Name":"given_name","Value":"One"}]}],"PaginationToken":"p2"}""",
                "p2" => """{"Users":[{"Username":"u2"}],"PaginationToken":"p3"}""",
                _ => """{"Users":[{"Username":"u3"}]}""",
            },
            ["ListGroups"] = b => b.TryGetProperty("NextToken", out _) ? """{"Groups":[{"GroupName":"b"}]}""" : """{"Groups":[{"GroupName":"a","Precedence":1}],"NextToken":"n2"}""",
            ["ListUsersInGroup"] = b => b.TryGetProperty("NextToken", out _) ? """{"Users":[{"Username":"m2"}]}""" : """{"Users":[{"Username":"m1"}],"NextToken":"n2"}""",
            ["AdminListGroupsForUser"] = b => b.TryGetProperty("NextToken", out _) ? """{"Groups":[{"GroupName":"y"}]}""" : """{"Groups":[{"GroupName":"x"}],"NextToken":"n2"}""",
        });
        var pool = cluster.UserPool("recorded");
        var users = await pool.GetUsersAsync(new UserQuery(AttributeMap: new Dictionary<string, string> { ["given_name"] = "first_name" }));
        Assert.Equal(["u1", "u2", "u3"], users.Select(u => u.Username));
        Assert.Equal("One", users[0]["first_name"]);
        Assert.Equal(["a", "b"], (await pool.GetGroupsAsync()).Select(g => g.GroupName));
        Assert.Equal(["m1", "m2"], (await pool.GetUsersInGroupAsync("g")).Select(u => u.Username));
        Assert.Equal(["x", "y"], (await pool.GetGroupsForUserAsync("m1")).Select(g => g.GroupName));
    }

    [Fact]
    public async Task A_transient_refresh_failure_is_retried_with_backoff_before_expiry()
    {
        var refreshAttempts = 0;
        Script(new()
        {
            ["InitiateAuth"] = b => b.GetProperty("AuthFlow").GetString() == "REFRESH_TOKEN_AUTH"
                ? throw new InvalidOperationException("scripted below")
                : Tokens,
        });
        var inner = cluster.Recorded.Handler;
        cluster.Recorded.Handler = async (request, context) =>
        {
            if (request.Operation == "InitiateAuth" && request.Body.Contains("REFRESH_TOKEN_AUTH", StringComparison.Ordinal))
            {
                // The first two refreshes meet a throttled Cognito; the third goes through.
                if (Interlocked.Increment(ref refreshAttempts) <= 2)
                {
                    await ScriptedCognitoServer.RespondAsync(context, 400, """{"__type":"TooManyRequestsException","message":"Rate exceeded"}""");
                    return;
                }

                await ScriptedCognitoServer.RespondAsync(context, 200, """{"AuthenticationResult":{"AccessToken":"eyJ.access.refreshed","ExpiresIn":3600,"IdToken":"eyJ.id.refreshed","TokenType":"Bearer"},"ChallengeParameters":{}}""");
                return;
            }

            await inner(request, context);
        };

        await cluster.DeactivateAllAsync();
        var user = cluster.User("recorded", "terry");
        Assert.True((await user.AuthenticateWithFlowAsync("USER_PASSWORD_AUTH", "Passw0rd!")).IsSignedIn);

        cluster.Clock.Advance(TimeSpan.FromMinutes(56));
        await GrainClusterFixture.WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref refreshAttempts) >= 1), "the timer tried to refresh");
        // Back-off on the grain's clock (2 s, then 4 s). The clock moves a second at a time, since the
        // grain sets each retry's timer only after the server counted the throttled attempt.
        var backedOff = cluster.Clock.GetUtcNow();
        await cluster.AdvanceUntilAsync(TimeSpan.FromSeconds(1), () => Task.FromResult(Volatile.Read(ref refreshAttempts) >= 2), "the first retry");
        await cluster.AdvanceUntilAsync(TimeSpan.FromSeconds(1), async () => (await user.GetSessionAsync()).ExpiresAt > cluster.Clock.GetUtcNow() + TimeSpan.FromMinutes(30), "the second retry refreshed");
        Assert.True(cluster.Clock.GetUtcNow() - backedOff >= TimeSpan.FromSeconds(6), "The retries did not back off.");

        var tokens = await user.GetTokensAsync();
        Assert.Equal("eyJ.access.refreshed", tokens.AccessToken);
        Assert.Equal("eyJ.refresh.recorded", tokens.RefreshToken);
        Assert.Equal(3, refreshAttempts);
    }
}
