using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Cognito.EndToEnd.Tests.Support;
using Cognito.Testing.CognitoLocal;

namespace Cognito.EndToEnd.Tests.Browser;

/// <summary>Two sample front-end processes on one silo: a session ended through one is refused by the bearer API of both.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class TwoFrontEndsBrowserTests(EndToEndFixture fixture)
{
    private static readonly TimeSpan RevocationDeadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Signing_out_on_one_front_end_process_refuses_that_sessions_access_token_on_both_and_not_the_users_other_session()
    {
        const string test = nameof(Signing_out_on_one_front_end_process_refuses_that_sessions_access_token_on_both_and_not_the_users_other_session);
        var first = await fixture.SampleWebAsync();
        await using var second = await fixture.StartSampleWebAsync();
        var user = await fixture.CreateUserAsync(fixture.Pool);
        using var laptop = Chromium.Open(first.Url, test, "laptop-on-first");
        using var phone = Chromium.Open(second.Url, test, "phone-on-second");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        laptop.SignIn(user, CognitoLocalFixture.DefaultPassword);
        phone.SignIn(user, CognitoLocalFixture.DefaultPassword);
        var (laptopToken, phoneToken) = (laptop.AccessToken(), phone.AccessToken());
        foreach (var front in new[] { first.Url, second.Url })
        {
            Assert.Equal(HttpStatusCode.OK, await MeAsync(http, front, laptopToken));
            Assert.Equal(HttpStatusCode.OK, await MeAsync(http, front, phoneToken));
        }

        laptop.SignOut();
        laptop.Screenshot("signed-out");
        var clock = Stopwatch.StartNew();
        foreach (var front in new[] { first.Url, second.Url })
        {
            while (await MeAsync(http, front, laptopToken) != HttpStatusCode.Unauthorized)
            {
                Assert.True(clock.Elapsed < RevocationDeadline, $"{front} still accepts the ended session's access token after {clock.Elapsed}.\n{first.Process.Describe()}\n{second.Process.Describe()}");
                await Task.Delay(200);
            }
        }

        Assert.Equal(HttpStatusCode.OK, await MeAsync(http, first.Url, phoneToken));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(http, second.Url, phoneToken));
        Assert.Equal(user, phone.SignedInAs());
    }

    private static async Task<HttpStatusCode> MeAsync(HttpClient http, Uri front, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(front, "/api/me"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
