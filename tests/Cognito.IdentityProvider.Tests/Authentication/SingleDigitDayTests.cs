using System.Globalization;
using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.CognitoLocal;

namespace Cognito.IdentityProvider.Tests.Authentication;

/// <summary>
/// The TIMESTAMP of an SRP answer on days 1–9, where a zero-padded day ("07") makes Cognito refuse
/// every login: our authenticator and the front share a fake clock standing on each such day.
/// </summary>
[Collection(SingleDigitDayFrontCollection.Name)]
public sealed class SingleDigitDayTests(SingleDigitDayFrontFixture fixture)
{
    [Fact]
    public async Task Logins_succeed_on_days_one_to_nine_with_the_day_written_without_a_leading_zero()
    {
        var pool = await fixture.CreatePoolAsync();
        var username = await fixture.CreateUserAsync(pool);
        var clock = fixture.Clock;
        var before = fixture.Front.Count("RespondToAuthChallenge:PASSWORD_VERIFIER");

        // Ascending (a FakeTimeProvider never goes back), in the past so cognito-local's real tokens stay unexpired for the front.
        var days = Enumerable.Range(1, 9).Select(day => new DateTimeOffset(2024, 3, day, 4, 5, 6, TimeSpan.Zero))
            .Append(new DateTimeOffset(2024, 3, 10, 0, 0, 0, TimeSpan.Zero))
            .Append(new DateTimeOffset(2024, 3, 31, 23, 59, 59, TimeSpan.Zero));
        foreach (var instant in days)
        {
            clock.SetUtcNow(instant);
            using var signIn = new FrontSignIn(fixture, pool, clock);

            var succeeded = Assert.IsType<AuthSucceeded>(await signIn.Authenticator.SignInWithSrpAsync(username, CognitoLocalFixture.DefaultPassword));

            var timestamp = signIn.Tap.Last("RespondToAuthChallenge", "PASSWORD_VERIFIER")["ChallengeResponses"]!["TIMESTAMP"]!.GetValue<string>();
            var expected = string.Create(CultureInfo.InvariantCulture, $"{instant.DayOfWeek.ToString()[..3]} Mar {instant.Day} {instant:HH:mm:ss} UTC 2024");
            Assert.Equal(expected, timestamp);
            if (instant.Day == 3)
            {
                // Spelled out once, so the expectation above cannot share a formatting bug with the code under test.
                Assert.Equal("Sun Mar 3 04:05:06 UTC 2024", timestamp);
            }

            Assert.Equal(username, (await signIn.Client.GetUserAsync(new GetUserRequest { AccessToken = succeeded.Tokens.AccessToken })).Username);
            Assert.True(succeeded.Tokens.ExpiresAt > instant, "Expiry is counted on the authenticator's clock.");
        }

        Assert.Equal(before + 11, fixture.Front.Count("RespondToAuthChallenge:PASSWORD_VERIFIER"));
    }
}
