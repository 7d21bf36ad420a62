using System.Globalization;
using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Security;
using Cognito.IdentityProvider.Tokens;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.SrpFront;
using Microsoft.Extensions.Time.Testing;

namespace Cognito.IdentityProvider.Tests.Authentication;

/// <summary>
/// USER_SRP_AUTH end to end: our authenticator against the SRP front, which checks every proof
/// with its own SRP-6a and then hands out cognito-local's real tokens.
/// </summary>
[Collection(SrpFrontCollection.Name)]
public sealed class SrpSignInTests(SrpFrontFixture fixture)
{
    private const string Password = CognitoLocalFixture.DefaultPassword;

    private SrpFront Front => fixture.Front;

    [Fact]
    public async Task The_right_password_gets_real_tokens_whose_expiry_comes_from_the_jwt()
    {
        var pool = await fixture.CreatePoolAsync(accessTokenMinutes: 7);
        var username = await fixture.CreateUserAsync(pool);
        using var signIn = new FrontSignIn(fixture, pool);
        var verifiers = Front.Count("RespondToAuthChallenge:PASSWORD_VERIFIER");

        var succeeded = Assert.IsType<AuthSucceeded>(await signIn.Authenticator.SignInWithSrpAsync(username, Password));

        Assert.Equal(username, succeeded.Username);
        var tokens = succeeded.Tokens;
        Assert.NotNull(tokens.IdToken);
        Assert.NotNull(tokens.RefreshToken);
        Assert.Equal("Bearer", tokens.TokenType);
        Assert.Null(tokens.NewDevice);
        Assert.Equal(username, (await signIn.Client.GetUserAsync(new GetUserRequest { AccessToken = tokens.AccessToken })).Username);

        // cognito-local sends no ExpiresIn: the 7-minute lifetime is read from the token itself.
        var answer = signIn.Tap.LastCall("RespondToAuthChallenge", "PASSWORD_VERIFIER").AnswerJson["AuthenticationResult"]!.AsObject();
        Assert.False(answer.ContainsKey("ExpiresIn"));
        var claims = UnverifiedTokenReader.ReadUnverified(tokens.AccessToken);
        Assert.Equal(TimeSpan.FromMinutes(7), claims.ExpiresAt - claims.IssuedAt);
        Assert.InRange(tokens.ExpiresAt, claims.ExpiresAt!.Value.AddSeconds(-5), claims.ExpiresAt.Value.AddSeconds(5));

        // One InitiateAuth with SRP_A, one PASSWORD_VERIFIER answer; the password is in neither.
        Assert.Equal(verifiers + 1, Front.Count("RespondToAuthChallenge:PASSWORD_VERIFIER"));
        Assert.Equal(new[] { "InitiateAuth", "RespondToAuthChallenge", "GetUser" }, signIn.Tap.Calls.Select(c => c.Operation));
        var initiate = signIn.Tap.Last("InitiateAuth");
        Assert.Equal("USER_SRP_AUTH", initiate["AuthFlow"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]+$", initiate["AuthParameters"]!["SRP_A"]!.GetValue<string>());
        Assert.All(signIn.Tap.Calls, c => Assert.DoesNotContain(Password, c.Body.ToJsonString(), StringComparison.Ordinal));
        Assert.All(signIn.Tap.Calls, c => Assert.False(c.Signed, $"{c.Operation} needs no AWS credentials and must not be signed."));
    }

    [Fact]
    public async Task A_wrong_password_is_NotAuthorized_and_the_error_never_shows_the_password()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        using var signIn = new FrontSignIn(fixture, pool);
        const string wrong = "Wr0ng!Password-do-not-print";
        var rejections = Front.Rejections.Count;

        var refused = await Assert.ThrowsAsync<NotAuthorizedException>(() => signIn.Authenticator.SignInWithSrpAsync(username, wrong));

        Assert.Equal("Incorrect username or password.", refused.Message);
        Assert.Contains(Front.Rejections.Skip(rejections), r => r.Contains("signature", StringComparison.Ordinal) && r.Contains("does not match", StringComparison.Ordinal));
        foreach (var secret in new[] { wrong, Password })
        {
            Assert.DoesNotContain(secret, refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, refused.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(refused.Data.Values.Cast<object?>(), v => v?.ToString()?.Contains(secret, StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public async Task The_pool_name_enters_the_proof_so_another_pool_id_with_the_same_client_is_refused()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        var region = pool.UserPoolId[..pool.UserPoolId.IndexOf('_', StringComparison.Ordinal)];

        using var otherPool = new FrontSignIn(fixture, pool, userPoolId: $"{region}_Other{pool.PoolName}");
        await Assert.ThrowsAsync<NotAuthorizedException>(() => otherPool.Authenticator.SignInWithSrpAsync(username, Password));

        // Only the part after '_' is hashed: the same name under another region still proves the password.
        using var otherRegion = new FrontSignIn(fixture, pool, userPoolId: $"eu-west-1_{pool.PoolName}");
        Assert.IsType<AuthSucceeded>(await otherRegion.Authenticator.SignInWithSrpAsync(username, Password));
    }

    [Fact]
    public async Task A_secret_block_tampered_with_on_the_way_is_refused()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        using var signIn = new FrontSignIn(fixture, pool);
        signIn.Tap.Rewrite = (operation, body) =>
        {
            if (operation == "RespondToAuthChallenge" && body["ChallengeName"]?.GetValue<string>() == "PASSWORD_VERIFIER")
            {
                var responses = body["ChallengeResponses"]!.AsObject();
                var block = Convert.FromBase64String(responses["PASSWORD_CLAIM_SECRET_BLOCK"]!.GetValue<string>());
                block[block.Length / 2] ^= 0x01;
                responses["PASSWORD_CLAIM_SECRET_BLOCK"] = Convert.ToBase64String(block);
            }
        };
        var rejections = Front.Rejections.Count;

        await Assert.ThrowsAsync<NotAuthorizedException>(() => signIn.Authenticator.SignInWithSrpAsync(username, Password));
        Assert.Contains(Front.Rejections.Skip(rejections), r => r.Contains("PASSWORD_CLAIM_SECRET_BLOCK is not the SECRET_BLOCK issued", StringComparison.Ordinal));

        // The same client without the tampering gets in.
        signIn.Tap.Rewrite = null;
        Assert.IsType<AuthSucceeded>(await signIn.Authenticator.SignInWithSrpAsync(username, Password));
    }

    [Fact]
    public async Task A_timestamp_from_a_clock_ten_minutes_behind_is_refused_and_four_minutes_is_tolerated()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        var rejections = Front.Rejections.Count;

        using var late = new FrontSignIn(fixture, pool, new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-10)));
        await Assert.ThrowsAsync<NotAuthorizedException>(() => late.Authenticator.SignInWithSrpAsync(username, Password));
        Assert.Contains(Front.Rejections.Skip(rejections), r => r.Contains("away from the front's clock", StringComparison.Ordinal));

        using var slightlyLate = new FrontSignIn(fixture, pool, new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-4)));
        Assert.IsType<AuthSucceeded>(await slightlyLate.Authenticator.SignInWithSrpAsync(username, Password));
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("ja-JP")]
    [InlineData("de-DE")]
    public async Task The_callers_culture_and_calendar_do_not_change_the_login(string culture)
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        using var signIn = new FrontSignIn(fixture, pool);
        var (current, currentUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.IsType<AuthSucceeded>(await signIn.Authenticator.SignInWithSrpAsync(username, Password));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, currentUi);
        }

        var timestamp = signIn.Tap.Last("RespondToAuthChallenge", "PASSWORD_VERIFIER")["ChallengeResponses"]!["TIMESTAMP"]!.GetValue<string>();
        Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [1-9][0-9]? [0-2][0-9]:[0-5][0-9]:[0-5][0-9] UTC 20[0-9]{2}$", timestamp);
    }

    [Fact]
    public async Task One_authenticator_serves_concurrent_sign_ins()
    {
        var pool = await fixture.CreatePoolAsync(withSecret: true);
        var users = new[] { await fixture.CreateUserAsync(pool), await fixture.CreateUserAsync(pool) };
        using var signIn = new FrontSignIn(fixture, pool);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => signIn.Authenticator.SignInWithSrpAsync(users[i % 2], Password)));

        Assert.All(results.Select((step, i) => (step, i)), r => Assert.Equal(users[r.i % 2], Assert.IsType<AuthSucceeded>(r.step).Username));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_client_with_a_secret_signs_in_by_email_hashing_the_internal_username_after_the_first_call_and_refreshes(bool emailIsUsername)
    {
        var pool = await fixture.CreatePoolAsync(
            withSecret: true,
            usernameAttributes: emailIsUsername ? ["email"] : null,
            aliasAttributes: emailIsUsername ? null : ["email"]);
        var name = fixture.UniqueName("alias");
        var email = $"{name}@example.com";
        if (emailIsUsername)
        {
            await fixture.CreateUserAsync(pool, email);
        }
        else
        {
            await fixture.CreateUserAsync(pool, name, email: email);
        }

        using var signIn = new FrontSignIn(fixture, pool);
        var succeeded = Assert.IsType<AuthSucceeded>(await signIn.Authenticator.SignInWithSrpAsync(email, Password));

        // The internal username: the name given at creation, or the UUID Cognito made for an email-as-username pool.
        var internalName = succeeded.Username;
        if (emailIsUsername)
        {
            Assert.True(Guid.TryParse(internalName, out _), internalName);
        }
        else
        {
            Assert.Equal(name, internalName);
        }

        Assert.Equal(internalName, (await signIn.Client.GetUserAsync(new GetUserRequest { AccessToken = succeeded.Tokens.AccessToken })).Username);
        string Hash(string username) => SecretHash.Compute(username, pool.ClientId, pool.ClientSecret!);
        Assert.Equal(Hash(email), signIn.Tap.Last("InitiateAuth")["AuthParameters"]!["SECRET_HASH"]!.GetValue<string>());
        var answer = signIn.Tap.Last("RespondToAuthChallenge", "PASSWORD_VERIFIER")["ChallengeResponses"]!.AsObject();
        Assert.Equal(internalName, answer["USERNAME"]!.GetValue<string>());
        Assert.Equal(Hash(internalName), answer["SECRET_HASH"]!.GetValue<string>());

        // Refresh for a client with a secret: SECRET_HASH over the internal username, refresh token kept.
        var refreshToken = succeeded.Tokens.RefreshToken!;
        var refreshed = await signIn.Authenticator.RefreshAsync(refreshToken, internalName);
        Assert.Equal(refreshToken, refreshed.Tokens.RefreshToken);
        Assert.Equal(internalName, refreshed.Username);
        Assert.Equal(internalName, (await signIn.Client.GetUserAsync(new GetUserRequest { AccessToken = refreshed.Tokens.AccessToken })).Username);
        var refresh = signIn.Tap.Last("InitiateAuth");
        Assert.Equal("REFRESH_TOKEN_AUTH", refresh["AuthFlow"]!.GetValue<string>());
        Assert.Equal(Hash(internalName), refresh["AuthParameters"]!["SECRET_HASH"]!.GetValue<string>());

        // The front really checks: a refresh hashed over the alias is refused, as AWS refuses it.
        var aliasRefresh = await Assert.ThrowsAsync<NotAuthorizedException>(() => signIn.Authenticator.RefreshAsync(refreshToken, email));
        Assert.Equal($"Unable to verify secret hash for client {pool.ClientId}", aliasRefresh.Message);
    }

    [Fact]
    public async Task A_signed_up_but_unconfirmed_user_gets_UserNotConfirmedException_typed()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = fixture.UniqueName("unconf");
        await fixture.CreateClient().SignUpAsync(new SignUpRequest
        {
            ClientId = pool.ClientId,
            Username = username,
            Password = Password,
            UserAttributes = [new AttributeType { Name = "email", Value = $"{username}@example.com" }],
        });
        using var signIn = new FrontSignIn(fixture, pool);

        await Assert.ThrowsAsync<UserNotConfirmedException>(() => signIn.Authenticator.SignInWithSrpAsync(username, Password));
        await Assert.ThrowsAsync<UserNotConfirmedException>(() => signIn.Authenticator.SignInWithPasswordAsync(username, Password));
    }

    [Fact]
    public async Task Arguments_are_checked_before_any_call()
    {
        var pool = await fixture.CreatePoolAsync();
        using var signIn = new FrontSignIn(fixture, pool);
        var authenticator = signIn.Authenticator;

        await Assert.ThrowsAsync<InvalidParameterException>(() => authenticator.SignInWithSrpAsync("someone", ""));
        await Assert.ThrowsAsync<InvalidParameterException>(() => authenticator.StartAsync(AuthFlowType.UserPasswordAuth, "someone", null));
        var refresh = await Assert.ThrowsAsync<UnsupportedChallengeException>(() => authenticator.StartAsync(AuthFlowType.RefreshTokenAuth, "someone", null));
        Assert.Contains("RefreshAsync", refresh.Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<UnsupportedChallengeException>(() => authenticator.StartAsync("NO_SUCH_FLOW", "someone", "x"));
        Assert.Contains("NO_SUCH_FLOW", unknown.Message, StringComparison.Ordinal);
        Assert.Empty(signIn.Tap.Calls);
    }
}
