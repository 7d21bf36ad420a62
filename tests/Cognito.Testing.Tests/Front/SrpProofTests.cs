using System.Text.Json.Nodes;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.SrpFront;
using Cognito.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Cognito.Testing.Tests.Front;

/// <summary>What the front checks in an SRP login — each check one that real Cognito makes and some client gets wrong.</summary>
[Collection(SrpFrontCollection.Name)]
public sealed class SrpProofTests(SrpFrontFixture fixture)
{
    private const string Password = CognitoLocalFixture.DefaultPassword;

    private RawCognito Raw => new(fixture.Http, fixture.Front.Url);

    [Fact]
    public async Task Right_password_gets_cognito_locals_tokens_and_a_wrong_one_is_refused()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        var login = new SrpLogin(Raw, pool);

        var challenge = await login.InitiateAsync(username);
        Assert.Equal("PASSWORD_VERIFIER", challenge["ChallengeName"]!.GetValue<string>());
        var parameters = challenge["ChallengeParameters"]!.AsObject();
        Assert.Equal(username, parameters["USER_ID_FOR_SRP"]!.GetValue<string>());
        Assert.Equal(username, parameters["USERNAME"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]+$", parameters["SALT"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]+$", parameters["SRP_B"]!.GetValue<string>());
        Assert.NotEmpty(Convert.FromBase64String(parameters["SECRET_BLOCK"]!.GetValue<string>()));

        var tokens = (await login.AnswerAsync(challenge, Password))["AuthenticationResult"]!.AsObject();
        var user = await fixture.CreateClient().GetUserAsync(new GetUserRequest { AccessToken = tokens["AccessToken"]!.GetValue<string>() });
        Assert.Equal(username, user.Username);
        Assert.False(tokens.ContainsKey("NewDeviceMetadata"));

        var wrong = await Assert.ThrowsAsync<CognitoCallException>(() => new SrpLogin(Raw, pool).LoginAsync(username, Password + "x"));
        Assert.Equal(("NotAuthorizedException", "Incorrect username or password.", 400), (wrong.Type, wrong.ErrorMessage, wrong.Status));
    }

    [Fact]
    public async Task A_session_is_single_use_and_an_answer_without_session_is_found_by_its_secret_block()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        var login = new SrpLogin(Raw, pool);
        var challenge = await login.InitiateAsync(username);
        await login.AnswerAsync(challenge, Password);

        var replay = await Assert.ThrowsAsync<CognitoCallException>(() => login.AnswerAsync(challenge, Password));
        Assert.Equal("NotAuthorizedException", replay.Type);
        Assert.Contains("Invalid session", replay.ErrorMessage, StringComparison.Ordinal);

        var sessionless = new SrpLogin(Raw, pool);
        var tokens = await sessionless.AnswerAsync(await sessionless.InitiateAsync(username), Password, withSession: false);
        Assert.NotNull(tokens["AuthenticationResult"]?["AccessToken"]);
    }

    [Fact]
    public async Task Secret_hash_is_over_the_typed_alias_at_initiate_and_over_the_internal_username_in_the_answer()
    {
        var pool = await fixture.CreatePoolAsync(withSecret: true, aliasAttributes: ["email"]);
        var username = fixture.UniqueName("sec");
        var email = $"{username}@example.com";
        await fixture.CreateUserAsync(pool, username, email: email);

        // InitiateAuth by alias: the hash is over what was typed.
        var login = new SrpLogin(Raw, pool);
        var challenge = await login.InitiateAsync(email);
        Assert.Equal(username, challenge["ChallengeParameters"]!["USER_ID_FOR_SRP"]!.GetValue<string>());

        // The answer hashed over the alias: the bug most reported against Cognito libraries.
        var aliasHash = await Assert.ThrowsAsync<CognitoCallException>(() => login.AnswerAsync(challenge, Password, secretHashName: email));
        Assert.Equal(("NotAuthorizedException", $"Unable to verify secret hash for client {pool.ClientId}"), (aliasHash.Type, aliasHash.ErrorMessage));

        var right = new SrpLogin(Raw, pool);
        var tokens = await right.AnswerAsync(await right.InitiateAsync(email), Password);
        Assert.NotNull(tokens["AuthenticationResult"]?["AccessToken"]);

        var initiateWithInternal = await Raw.FailsAsync("InitiateAuth", new JsonObject
        {
            ["AuthFlow"] = "USER_SRP_AUTH",
            ["ClientId"] = pool.ClientId,
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = email, ["SRP_A"] = new SrpTestClient().SrpA, ["SECRET_HASH"] = right.SecretHash(username) },
        });
        Assert.Equal($"Unable to verify secret hash for client {pool.ClientId}", initiateWithInternal.ErrorMessage);

        var missing = await Raw.FailsAsync("InitiateAuth", new JsonObject
        {
            ["AuthFlow"] = "USER_SRP_AUTH",
            ["ClientId"] = pool.ClientId,
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = username, ["SRP_A"] = new SrpTestClient().SrpA },
        });
        Assert.Equal($"Client {pool.ClientId} is configured with secret but SECRET_HASH was not received", missing.ErrorMessage);
    }

    [Fact]
    public async Task The_answer_must_name_the_internal_username_and_echo_the_secret_block()
    {
        var pool = await fixture.CreatePoolAsync(aliasAttributes: ["email"]);
        var username = fixture.UniqueName("who");
        await fixture.CreateUserAsync(pool, username, email: $"{username}@example.com");

        var login = new SrpLogin(Raw, pool);
        var byAlias = await Assert.ThrowsAsync<CognitoCallException>(async () => await login.AnswerAsync(await login.InitiateAsync(username), Password, username: $"{username}@example.com"));
        Assert.Equal("NotAuthorizedException", byAlias.Type);
        Assert.Contains(fixture.Front.Rejections, r => r.Contains("is not the internal username", StringComparison.Ordinal));

        // A secret block from another challenge does not fit this session.
        var first = new SrpLogin(Raw, pool);
        var firstChallenge = await first.InitiateAsync(username);
        var second = new SrpLogin(Raw, pool);
        var secondChallenge = await second.InitiateAsync(username);
        var mixed = secondChallenge.DeepClone().AsObject();
        mixed["Session"] = firstChallenge["Session"]!.GetValue<string>();
        var wrongBlock = await Assert.ThrowsAsync<CognitoCallException>(() => second.AnswerAsync(mixed, Password));
        Assert.Equal("NotAuthorizedException", wrongBlock.Type);
    }

    [Fact]
    public async Task An_unknown_user_is_UserNotFoundException_unless_the_client_prevents_user_existence_errors()
    {
        var pool = await fixture.CreatePoolAsync();
        var unknown = await Assert.ThrowsAsync<CognitoCallException>(() => new SrpLogin(Raw, pool).InitiateAsync("nobody-here"));
        Assert.Equal(("UserNotFoundException", "User does not exist."), (unknown.Type, unknown.ErrorMessage));

        // Prevented: a challenge like any other, refused only at the proof, as Cognito does.
        var created = await fixture.CreateClient().CreateUserPoolClientAsync(new CreateUserPoolClientRequest
        {
            UserPoolId = pool.UserPoolId,
            ClientName = fixture.UniqueName("quiet"),
            PreventUserExistenceErrors = "ENABLED",
        });
        var quiet = pool with { ClientId = created.UserPoolClient!.ClientId! };
        var login = new SrpLogin(Raw, quiet);
        var challenge = await login.InitiateAsync("nobody-here");
        Assert.Equal("PASSWORD_VERIFIER", challenge["ChallengeName"]!.GetValue<string>());
        var refused = await Assert.ThrowsAsync<CognitoCallException>(() => login.AnswerAsync(challenge, Password));
        Assert.Equal(("NotAuthorizedException", "Incorrect username or password."), (refused.Type, refused.ErrorMessage));
    }

    [Fact]
    public async Task A_disabled_user_cannot_log_in_with_srp()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        await Raw.CallAsync("AdminDisableUser", new JsonObject { ["UserPoolId"] = pool.UserPoolId, ["Username"] = username });
        var disabled = await Assert.ThrowsAsync<CognitoCallException>(() => new SrpLogin(Raw, pool).InitiateAsync(username));
        Assert.Equal(("NotAuthorizedException", "User is disabled."), (disabled.Type, disabled.ErrorMessage));

        await Raw.CallAsync("AdminEnableUser", new JsonObject { ["UserPoolId"] = pool.UserPoolId, ["Username"] = username });
        await new SrpLogin(Raw, pool).LoginAsync(username);
    }

    [Fact]
    public async Task Timestamp_must_be_exact_and_within_five_minutes_of_the_fronts_clock()
    {
        // A front of its own whose clock stands on a single-digit day, where "07" bugs show.
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 5, 7, 0, 9, 40, TimeSpan.Zero));
        await using var front = await SrpFront.SrpFront.StartAsync(fixture.Server, new SrpFrontOptions { TimeProvider = clock });
        var raw = new RawCognito(fixture.Http, front.Url);
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        // This front learns the password only from what passes through it (and the pool by lookup).
        await raw.CallAsync("AdminSetUserPassword", new JsonObject { ["UserPoolId"] = pool.UserPoolId, ["Username"] = username, ["Password"] = Password, ["Permanent"] = true });

        async Task<CognitoCallException?> TryAsync(string timestamp)
        {
            var login = new SrpLogin(raw, pool);
            try
            {
                await login.AnswerAsync(await login.InitiateAsync(username), Password, timestamp);
                return null;
            }
            catch (CognitoCallException e)
            {
                return e;
            }
        }

        Assert.Null(await TryAsync("Wed May 7 00:09:40 UTC 2025"));
        Assert.Null(await TryAsync("Wed May 7 00:13:40 UTC 2025"));
        Assert.Equal("NotAuthorizedException", (await TryAsync("Wed May 07 00:09:40 UTC 2025"))?.Type);
        Assert.Equal("NotAuthorizedException", (await TryAsync("Wed May 7 0:09:40 UTC 2025"))?.Type);
        Assert.Equal("NotAuthorizedException", (await TryAsync("Wed May 7 00:15:41 UTC 2025"))?.Type);
        Assert.Equal("NotAuthorizedException", (await TryAsync("Wed May 7 02:09:40 UTC 2025"))?.Type);
        Assert.Contains(front.Rejections, r => r.Contains("no leading zero", StringComparison.Ordinal));
        Assert.Contains(front.Rejections, r => r.Contains("away from the front's clock", StringComparison.Ordinal));

        // Sessions expire on the same clock.
        var slow = new SrpLogin(raw, pool);
        var challenge = await slow.InitiateAsync(username);
        clock.Advance(TimeSpan.FromMinutes(4));
        var expired = await Assert.ThrowsAsync<CognitoCallException>(() => slow.AnswerAsync(challenge, Password, SrpTimestamp.Format(clock.GetUtcNow())));
        Assert.Contains("Invalid session", expired.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_srp_login_and_email_as_username_pools_use_the_internal_username()
    {
        var pool = await fixture.CreatePoolAsync(usernameAttributes: ["email"]);
        var email = $"{fixture.UniqueName("mail")}@example.com";
        await fixture.CreateUserAsync(pool, email);
        var srp = new SrpTestClient();

        var challenge = await Raw.CallAsync("AdminInitiateAuth", new JsonObject
        {
            ["AuthFlow"] = "USER_SRP_AUTH",
            ["UserPoolId"] = pool.UserPoolId,
            ["ClientId"] = pool.ClientId,
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = email, ["SRP_A"] = srp.SrpA },
        });
        var parameters = challenge["ChallengeParameters"]!.AsObject();
        var internalName = parameters["USER_ID_FOR_SRP"]!.GetValue<string>();
        Assert.True(Guid.TryParse(internalName, out _), internalName);

        var timestamp = SrpTimestamp.Format(DateTimeOffset.UtcNow);
        var answer = await Raw.CallAsync("AdminRespondToAuthChallenge", new JsonObject
        {
            ["ChallengeName"] = "PASSWORD_VERIFIER",
            ["UserPoolId"] = pool.UserPoolId,
            ["ClientId"] = pool.ClientId,
            ["Session"] = challenge["Session"]!.GetValue<string>(),
            ["ChallengeResponses"] = new JsonObject
            {
                ["USERNAME"] = internalName,
                ["PASSWORD_CLAIM_SECRET_BLOCK"] = parameters["SECRET_BLOCK"]!.GetValue<string>(),
                ["TIMESTAMP"] = timestamp,
                ["PASSWORD_CLAIM_SIGNATURE"] = srp.Sign(pool.PoolName, internalName, Password, parameters["SALT"]!.GetValue<string>(), parameters["SRP_B"]!.GetValue<string>(), parameters["SECRET_BLOCK"]!.GetValue<string>(), timestamp),
            },
        });
        Assert.Equal(internalName, JwtSignature.Payload(answer["AuthenticationResult"]!["AccessToken"]!.GetValue<string>())["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_way_of_setting_a_password_updates_the_verifier()
    {
        var pool = await fixture.CreatePoolAsync();
        var client = fixture.CreateClient();

        // SignUp + ConfirmSignUp.
        var username = fixture.UniqueName("pw");
        await client.SignUpAsync(new SignUpRequest { ClientId = pool.ClientId, Username = username, Password = Password, UserAttributes = [new AttributeType { Name = "email", Value = $"{username}@example.com" }] });
        await client.ConfirmSignUpAsync(new ConfirmSignUpRequest { ClientId = pool.ClientId, Username = username, ConfirmationCode = CognitoLocalServer.Code });
        var tokens = (await new SrpLogin(Raw, pool).LoginAsync(username))["AuthenticationResult"]!.AsObject();

        // ChangePassword.
        const string changed = "Chang3d!Password";
        await client.ChangePasswordAsync(new ChangePasswordRequest { AccessToken = tokens["AccessToken"]!.GetValue<string>(), PreviousPassword = Password, ProposedPassword = changed });
        await new SrpLogin(Raw, pool).LoginAsync(username, changed);
        await Assert.ThrowsAsync<CognitoCallException>(() => new SrpLogin(Raw, pool).LoginAsync(username, Password));

        // ForgotPassword + ConfirmForgotPassword.
        const string reset = "R3set!Password";
        await client.ForgotPasswordAsync(new ForgotPasswordRequest { ClientId = pool.ClientId, Username = username });
        await client.ConfirmForgotPasswordAsync(new ConfirmForgotPasswordRequest { ClientId = pool.ClientId, Username = username, ConfirmationCode = CognitoLocalServer.Code, Password = reset });
        await new SrpLogin(Raw, pool).LoginAsync(username, reset);

        // A refused change leaves the verifier alone.
        await Assert.ThrowsAnyAsync<Exception>(() => client.ConfirmForgotPasswordAsync(new ConfirmForgotPasswordRequest { ClientId = pool.ClientId, Username = username, ConfirmationCode = "000000", Password = "Ignor3d!Password" }));
        await new SrpLogin(Raw, pool).LoginAsync(username, reset);

        // AdminSetUserPassword.
        const string admin = "Adm1n!Password";
        await client.AdminSetUserPasswordAsync(new AdminSetUserPasswordRequest { UserPoolId = pool.UserPoolId, Username = username, Password = admin, Permanent = true });
        await new SrpLogin(Raw, pool).LoginAsync(username, admin);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_temporary_password_leads_to_NEW_PASSWORD_REQUIRED_whose_answer_passes_through_and_sets_the_verifier(bool admin)
    {
        var pool = await fixture.CreatePoolAsync();
        var username = fixture.UniqueName("tmp");
        await Raw.CallAsync("AdminCreateUser", new JsonObject { ["UserPoolId"] = pool.UserPoolId, ["Username"] = username, ["TemporaryPassword"] = "Temp0rary!Pass", ["MessageAction"] = "SUPPRESS" });

        var login = new SrpLogin(Raw, pool, admin);
        var challenge = await login.LoginAsync(username, "Temp0rary!Pass");
        Assert.Equal("NEW_PASSWORD_REQUIRED", challenge["ChallengeName"]!.GetValue<string>());

        // cognito-local has no AdminRespondToAuthChallenge: the front hands it RespondToAuthChallenge.
        var answered = await login.RespondAsync(new JsonObject
        {
            ["ChallengeName"] = "NEW_PASSWORD_REQUIRED",
            ["ClientId"] = pool.ClientId,
            ["Session"] = challenge["Session"]!.GetValue<string>(),
            ["ChallengeResponses"] = new JsonObject { ["USERNAME"] = username, ["NEW_PASSWORD"] = Password },
        });
        var refreshToken = answered["AuthenticationResult"]!["RefreshToken"]!.GetValue<string>();
        await new SrpLogin(Raw, pool, admin).LoginAsync(username, Password);

        // cognito-local never stores the refresh token of a challenge login; through the front it refreshes.
        var refreshed = await Raw.CallAsync("InitiateAuth", new JsonObject
        {
            ["AuthFlow"] = "REFRESH_TOKEN_AUTH",
            ["ClientId"] = pool.ClientId,
            ["AuthParameters"] = new JsonObject { ["REFRESH_TOKEN"] = refreshToken },
        });
        Assert.NotNull(refreshed["AuthenticationResult"]?["AccessToken"]);
    }
}
