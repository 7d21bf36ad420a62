using System.Net;
using Cognito.Client;
using Cognito.Client.Grains;

namespace Cognito.AspNetCore.Tests;

[Collection(FrontEndCollection.Name)]
public sealed class BearerRevocationTests(FrontEndFixture fixture)
{
    [Fact]
    public async Task A_valid_access_token_is_accepted_and_a_missing_or_altered_one_is_not()
    {
        await using var front = await TestFrontEnd.StartAsync(fixture);
        var username = await fixture.NewUserAsync();
        var (_, tokens) = await fixture.SignInAsync(username);

        var ok = await front.GetMeAsync(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(username, await ok.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await front.Client.GetAsync("/api/me")).StatusCode);
        var altered = tokens.AccessToken[..^4] + (tokens.AccessToken.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var refused = await front.GetMeAsync(altered);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await front.GetMeAsync(tokens.IdToken!)).StatusCode);
    }

    [Fact]
    public async Task A_session_ended_through_the_grains_is_refused_on_both_front_ends_and_the_users_other_session_is_not()
    {
        await using var first = await TestFrontEnd.StartAsync(fixture);
        await using var second = await TestFrontEnd.StartAsync(fixture);
        var username = await fixture.NewUserAsync();
        var (laptopId, laptop) = await fixture.SignInAsync(username);
        var (_, phone) = await fixture.SignInAsync(username);
        Assert.Equal(HttpStatusCode.OK, (await first.GetMeAsync(laptop.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetMeAsync(laptop.AccessToken)).StatusCode);

        await fixture.Grains.GetCognitoUser("main", username).EndSessionAsync(CognitoSessions.HandleOf(laptopId));

        foreach (var front in new[] { first, second })
        {
            await WaitUntilAsync(async () => (await front.GetMeAsync(laptop.AccessToken)).StatusCode == HttpStatusCode.Unauthorized);
            Assert.Equal(HttpStatusCode.OK, (await front.GetMeAsync(phone.AccessToken)).StatusCode);
        }
    }

    [Fact]
    public async Task Sign_out_everywhere_refuses_every_session_of_the_user_on_every_front_end()
    {
        await using var first = await TestFrontEnd.StartAsync(fixture);
        await using var second = await TestFrontEnd.StartAsync(fixture);
        var username = await fixture.NewUserAsync();
        var (laptopId, laptop) = await fixture.SignInAsync(username);
        var (_, phone) = await fixture.SignInAsync(username);
        var other = await fixture.SignInAsync(await fixture.NewUserAsync());

        using (CognitoSessions.Enter(laptopId))
        {
            await fixture.Grains.GetCognitoSession("main", username, laptopId).LogoutAsync();
        }

        foreach (var front in new[] { first, second })
        {
            await WaitUntilAsync(async () => (await front.GetMeAsync(phone.AccessToken)).StatusCode == HttpStatusCode.Unauthorized);
            Assert.Equal(HttpStatusCode.Unauthorized, (await front.GetMeAsync(laptop.AccessToken)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await front.GetMeAsync(other.Tokens.AccessToken)).StatusCode);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The ended session was still accepted after 10 s.");
            await Task.Delay(100);
        }
    }
}
