using System.Text.Json.Nodes;
using Cognito.IdentityProvider.Security;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.SrpFront;
using Cognito.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Cognito.Testing.Tests.Front;

/// <summary>Global sign-out, GetTokensFromRefreshToken and rotation, which the front adds to cognito-local.</summary>
[Collection(SrpFrontCollection.Name)]
public sealed class RefreshAndSignOutTests(SrpFrontFixture fixture)
{
    private RawCognito Raw => new(fixture.Http, fixture.Front.Url);

    [Fact]
    public async Task Global_sign_out_revokes_earlier_tokens_but_not_those_of_a_login_right_after()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        var before = await LoginAsync(pool, username);
        await Raw.CallAsync("GetUser", new JsonObject { ["AccessToken"] = before.AccessToken });

        await Raw.CallAsync("GlobalSignOut", new JsonObject { ["AccessToken"] = before.AccessToken });
        Assert.NotNull(fixture.Front.SignedOutAt(pool.UserPoolId, username));

        foreach (var operation in new[] { "GetUser", "GlobalSignOut" })
        {
            var revoked = await Raw.FailsAsync(operation, new JsonObject { ["AccessToken"] = before.AccessToken });
            Assert.Equal(("NotAuthorizedException", "Access Token has been revoked"), (revoked.Type, revoked.ErrorMessage));
        }

        var changePassword = await Raw.FailsAsync("ChangePassword", new JsonObject { ["AccessToken"] = before.AccessToken, ["PreviousPassword"] = CognitoLocalFixture.DefaultPassword, ["ProposedPassword"] = "N3w!Password" });
        Assert.Equal("Access Token has been revoked", changePassword.ErrorMessage);
        var refresh = await Raw.FailsAsync("InitiateAuth", RefreshRequest(pool, before.RefreshToken));
        Assert.Equal(("NotAuthorizedException", "Refresh Token has been revoked"), (refresh.Type, refresh.ErrorMessage));
        var getTokens = await Raw.FailsAsync("GetTokensFromRefreshToken", new JsonObject { ["ClientId"] = pool.ClientId, ["RefreshToken"] = before.RefreshToken });
        Assert.Equal("Refresh Token has been revoked", getTokens.ErrorMessage);

        // Within the same second as the sign-out, and still valid.
        var after = await LoginAsync(pool, username);
        await Raw.CallAsync("GetUser", new JsonObject { ["AccessToken"] = after.AccessToken });
        await Raw.CallAsync("InitiateAuth", RefreshRequest(pool, after.RefreshToken));
    }

    [Fact]
    public async Task Admin_global_sign_out_finds_the_user_by_name_and_revokes_their_tokens()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        var other = await fixture.CreateUserAsync(pool);
        var tokens = await LoginAsync(pool, username);
        var otherTokens = await LoginAsync(pool, other);

        await fixture.CreateClient().AdminUserGlobalSignOutAsync(new Cognito.IdentityProvider.Model.AdminUserGlobalSignOutRequest { UserPoolId = pool.UserPoolId, Username = username });

        Assert.Equal("Access Token has been revoked", (await Raw.FailsAsync("GetUser", new JsonObject { ["AccessToken"] = tokens.AccessToken })).ErrorMessage);
        Assert.Equal("Refresh Token has been revoked", (await Raw.FailsAsync("InitiateAuth", RefreshRequest(pool, tokens.RefreshToken))).ErrorMessage);
        await Raw.CallAsync("GetUser", new JsonObject { ["AccessToken"] = otherTokens.AccessToken });
        var unknown = await Raw.FailsAsync("AdminUserGlobalSignOut", new JsonObject { ["UserPoolId"] = pool.UserPoolId, ["Username"] = "nobody" });
        Assert.Equal("UserNotFoundException", unknown.Type);
    }

    [Fact]
    public async Task GetTokensFromRefreshToken_returns_the_same_refresh_token_without_rotation()
    {
        var pool = await fixture.CreatePoolAsync(withSecret: true);
        var username = await fixture.CreateUserAsync(pool);
        var tokens = await LoginAsync(pool, username);

        var refreshed = (await Raw.CallAsync("GetTokensFromRefreshToken", new JsonObject { ["ClientId"] = pool.ClientId, ["ClientSecret"] = pool.ClientSecret, ["RefreshToken"] = tokens.RefreshToken }))["AuthenticationResult"]!.AsObject();
        Assert.Equal(tokens.RefreshToken, refreshed["RefreshToken"]!.GetValue<string>());
        await Raw.CallAsync("GetUser", new JsonObject { ["AccessToken"] = refreshed["AccessToken"]!.GetValue<string>() });

        var wrongSecret = await Raw.FailsAsync("GetTokensFromRefreshToken", new JsonObject { ["ClientId"] = pool.ClientId, ["ClientSecret"] = "nope", ["RefreshToken"] = tokens.RefreshToken });
        Assert.Equal(("NotAuthorizedException", $"Unable to verify secret hash for client {pool.ClientId}"), (wrongSecret.Type, wrongSecret.ErrorMessage));
    }

    [Fact]
    public async Task With_rotation_each_refresh_token_works_once_and_concurrent_refreshes_destroy_each_other()
    {
        var pool = await fixture.CreatePoolAsync();
        fixture.Front.RotateRefreshTokens(pool.ClientId);
        var username = await fixture.CreateUserAsync(pool);
        var tokens = await LoginAsync(pool, username);

        var first = await GetTokensAsync(pool, tokens.RefreshToken);
        Assert.NotEqual(tokens.RefreshToken, first);
        Assert.Equal(5, first.Split('.').Length);
        var reused = await Raw.FailsAsync("GetTokensFromRefreshToken", new JsonObject { ["ClientId"] = pool.ClientId, ["RefreshToken"] = tokens.RefreshToken });
        Assert.Equal("NotAuthorizedException", reused.Type);

        var second = await GetTokensAsync(pool, first);
        await Raw.CallAsync("InitiateAuth", RefreshRequest(pool, second));

        // Two refreshes of one token at once: exactly one wins, as with Cognito and no grace period.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                return await GetTokensAsync(pool, second);
            }
            catch (CognitoCallException)
            {
                return null;
            }
        }));
        Assert.Single(outcomes, o => o is not null);

        // Revoking a rotated token revokes the login behind it.
        var survivor = outcomes.Single(o => o is not null)!;
        await Raw.CallAsync("RevokeToken", new JsonObject { ["ClientId"] = pool.ClientId, ["Token"] = survivor });
        Assert.Equal("NotAuthorizedException", (await Raw.FailsAsync("GetTokensFromRefreshToken", new JsonObject { ["ClientId"] = pool.ClientId, ["RefreshToken"] = survivor })).Type);
    }

    [Fact]
    public async Task A_rotated_out_token_still_works_within_the_grace_period()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var front = await SrpFront.SrpFront.StartAsync(fixture.Server, new SrpFrontOptions { TimeProvider = clock, RefreshTokenRotation = true, RotationGracePeriod = TimeSpan.FromSeconds(30) });
        var raw = new RawCognito(fixture.Http, front.Url);
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        await raw.CallAsync("AdminSetUserPassword", new JsonObject { ["UserPoolId"] = pool.UserPoolId, ["Username"] = username, ["Password"] = CognitoLocalFixture.DefaultPassword, ["Permanent"] = true });
        var login = (await new SrpLogin(raw, pool).LoginAsync(username))["AuthenticationResult"]!;
        var original = login["RefreshToken"]!.GetValue<string>();

        var request = new JsonObject { ["ClientId"] = pool.ClientId, ["RefreshToken"] = original };
        await raw.CallAsync("GetTokensFromRefreshToken", request.DeepClone().AsObject());
        clock.Advance(TimeSpan.FromSeconds(20));
        await raw.CallAsync("GetTokensFromRefreshToken", request.DeepClone().AsObject());
        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal("NotAuthorizedException", (await raw.FailsAsync("GetTokensFromRefreshToken", request.DeepClone().AsObject())).Type);

        // Access tokens past their exp are refused like Cognito does (cognito-local would accept them).
        clock.Advance(TimeSpan.FromDays(2));
        var expired = await raw.FailsAsync("GetUser", new JsonObject { ["AccessToken"] = login["AccessToken"]!.GetValue<string>() });
        Assert.Equal(("NotAuthorizedException", "Access Token has expired"), (expired.Type, expired.ErrorMessage));
    }

    [Fact]
    public async Task Refresh_secret_hash_is_over_the_internal_username_not_the_alias()
    {
        var pool = await fixture.CreatePoolAsync(withSecret: true, aliasAttributes: ["email"]);
        var username = fixture.UniqueName("rs");
        var email = $"{username}@example.com";
        await fixture.CreateUserAsync(pool, username, email: email);
        var tokens = await LoginAsync(pool, email);

        var byAlias = RefreshRequest(pool, tokens.RefreshToken);
        byAlias["AuthParameters"]!["SECRET_HASH"] = SecretHash.Compute(email, pool.ClientId, pool.ClientSecret!);
        Assert.Equal($"Unable to verify secret hash for client {pool.ClientId}", (await Raw.FailsAsync("InitiateAuth", byAlias)).ErrorMessage);

        var byUsername = RefreshRequest(pool, tokens.RefreshToken);
        byUsername["AuthParameters"]!["SECRET_HASH"] = SecretHash.Compute(username, pool.ClientId, pool.ClientSecret!);
        await Raw.CallAsync("InitiateAuth", byUsername);
    }

    [Fact]
    public async Task Concurrent_refreshes_are_counted_one_by_one()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        var tokens = await LoginAsync(pool, username);
        var before = fixture.Front.Count("InitiateAuth:REFRESH_TOKEN_AUTH");
        var logins = fixture.Front.Count("InitiateAuth:USER_SRP_AUTH");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Raw.CallAsync("InitiateAuth", RefreshRequest(pool, tokens.RefreshToken))));

        Assert.Equal(before + 8, fixture.Front.Count("InitiateAuth:REFRESH_TOKEN_AUTH"));
        Assert.Equal(logins, fixture.Front.Count("InitiateAuth:USER_SRP_AUTH"));
        Assert.True(fixture.Front.Count("InitiateAuth") >= 8);
    }

    private async Task<(string AccessToken, string RefreshToken)> LoginAsync(TestPool pool, string username)
    {
        var result = (await new SrpLogin(Raw, pool).LoginAsync(username))["AuthenticationResult"]!;
        return (result["AccessToken"]!.GetValue<string>(), result["RefreshToken"]!.GetValue<string>());
    }

    private async Task<string> GetTokensAsync(TestPool pool, string refreshToken) =>
        (await Raw.CallAsync("GetTokensFromRefreshToken", new JsonObject { ["ClientId"] = pool.ClientId, ["RefreshToken"] = refreshToken }))["AuthenticationResult"]!["RefreshToken"]!.GetValue<string>();

    private static JsonObject RefreshRequest(TestPool pool, string refreshToken) => new()
    {
        ["AuthFlow"] = "REFRESH_TOKEN_AUTH",
        ["ClientId"] = pool.ClientId,
        ["AuthParameters"] = new JsonObject { ["REFRESH_TOKEN"] = refreshToken },
    };
}
