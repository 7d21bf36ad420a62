using Cognito.AspNetCore.Revocation;
using Cognito.Client.Model;
using Cognito.IdentityProvider.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Cognito.AspNetCore.Tests;

public sealed class EndedSessionsRevocationCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);

    private static TokenRevocationClaims Token(string sub = "sub-1", string? originJti = null, string? eventId = null, DateTimeOffset? issuedAt = null) =>
        new(TokenUse.Access, sub, "client", originJti, "jti", eventId, issuedAt ?? Now.AddMinutes(-5), Now.AddMinutes(55));

    [Fact]
    public void A_session_ended_by_origin_jti_or_event_id_is_refused_and_others_are_not()
    {
        var check = new EndedSessionsRevocationCheck(_clock);
        check.Apply(new EndedSessionsPage(2, [new("o-1", null, null, Now, Now.AddHours(1)), new(null, "e-1", null, Now, Now.AddHours(1))], true));

        Assert.True(check.IsRevoked(Token(originJti: "o-1")));
        Assert.True(check.IsRevoked(Token(eventId: "e-1")));
        Assert.False(check.IsRevoked(Token(originJti: "o-2", eventId: "e-2")));
        Assert.Equal(2, check.Version);
    }

    [Fact]
    public void A_global_sign_out_refuses_tokens_issued_up_to_it_and_not_later_ones()
    {
        var check = new EndedSessionsRevocationCheck(_clock);
        check.Apply(new EndedSessionsPage(1, [new(null, null, "sub-1", Now, Now.AddHours(1))], true));

        Assert.True(check.IsRevoked(Token(issuedAt: Now.AddSeconds(-1))));
        Assert.True(check.IsRevoked(Token(issuedAt: Now)));
        Assert.False(check.IsRevoked(Token(issuedAt: Now.AddSeconds(1))));
        Assert.False(check.IsRevoked(Token(sub: "sub-2", issuedAt: Now.AddSeconds(-1))));
    }

    [Fact]
    public void Pages_add_up_an_incomplete_page_replaces_and_expired_entries_go()
    {
        var check = new EndedSessionsRevocationCheck(_clock);
        check.Apply(new EndedSessionsPage(1, [new("o-1", null, null, Now, Now.AddMinutes(10))], true));
        check.Apply(new EndedSessionsPage(2, [new("o-2", null, null, Now, Now.AddHours(1))], true));
        Assert.True(check.IsRevoked(Token(originJti: "o-1")));
        Assert.True(check.IsRevoked(Token(originJti: "o-2")));

        _clock.Advance(TimeSpan.FromMinutes(11));
        check.Apply(new EndedSessionsPage(2, [], true));
        Assert.False(check.IsRevoked(Token(originJti: "o-1")));
        Assert.Equal(1, check.Count);

        check.Apply(new EndedSessionsPage(9, [new("o-3", null, null, Now, Now.AddHours(1)), new("o-4", null, null, Now, Now.AddMinutes(1))], false));
        Assert.False(check.IsRevoked(Token(originJti: "o-2")));
        Assert.True(check.IsRevoked(Token(originJti: "o-3")));
        Assert.False(check.IsRevoked(Token(originJti: "o-4")));
        Assert.Equal(9, check.Version);
    }
}
