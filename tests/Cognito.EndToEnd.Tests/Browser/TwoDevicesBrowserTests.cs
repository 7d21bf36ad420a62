using Cognito.Testing.CognitoLocal;
using Cognito.Testing;

namespace Cognito.EndToEnd.Tests.Browser;

/// <summary>Two Chromium profiles are two devices of one user, on the sample front end of a real silo.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class TwoDevicesBrowserTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task Ending_the_laptops_session_from_the_phone_signs_the_laptop_out_and_the_phone_keeps_working()
    {
        var web = await fixture.SampleWebAsync();
        var user = await fixture.CreateUserAsync(fixture.Pool);
        using var laptop = Chromium.Open(web.Url, nameof(Ending_the_laptops_session_from_the_phone_signs_the_laptop_out_and_the_phone_keeps_working), "laptop");
        using var phone = Chromium.Open(web.Url, nameof(Ending_the_laptops_session_from_the_phone_signs_the_laptop_out_and_the_phone_keeps_working), "phone");

        laptop.SignIn(user, CognitoLocalFixture.DefaultPassword);
        Assert.True(laptop.SignedInAs() == user, laptop.Describe());
        laptop.Screenshot("signed-in");
        phone.SignIn(user, CognitoLocalFixture.DefaultPassword);
        Assert.True(phone.SignedInAs() == user, phone.Describe());
        phone.Screenshot("signed-in");

        var sessions = phone.Sessions();
        phone.Screenshot("two-sessions");
        Assert.Equal(2, sessions.Count);
        var laptops = Assert.Single(sessions, s => !s.Current);
        phone.Submit(laptops.Row.FindElement(OpenQA.Selenium.By.ClassName("end-session")));
        phone.Screenshot("laptop-ended");
        Assert.Contains("session is ended", phone.Text("notice"), StringComparison.Ordinal);
        Assert.Equal(sessions.Single(s => s.Current).Handle, Assert.Single(phone.Sessions()).Handle);

        laptop.Go("/Account/Profile");
        laptop.Screenshot("next-page-asks-to-sign-in");
        Assert.True(laptop.PathNow == "/Account/SignIn", laptop.Describe());
        Assert.Null(laptop.SignedInAs());

        phone.Go("/Account/Profile");
        phone.Screenshot("still-signed-in");
        Assert.True(phone.Text("profile-username") == user, phone.Describe());
        Assert.Contains(user, phone.CallApi(), StringComparison.Ordinal);
        phone.Screenshot("api-still-answers");
    }
}
