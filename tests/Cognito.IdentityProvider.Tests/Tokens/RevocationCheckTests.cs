using System.Collections.Concurrent;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Tokens;

namespace Cognito.IdentityProvider.Tests.Tokens;

/// <summary>The revocation hook: asked on every verification, cache hits included, with the token's session claims.</summary>
public sealed class RevocationCheckTests : IAsyncLifetime
{
    private const string OriginJti = "0f6a1c7e-1111-4222-8333-944455556666";

    private TokenScenario _s = null!;

    public async Task InitializeAsync() => _s = await TokenScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public void There_is_none_by_default()
    {
        Assert.Null(new CognitoTokenVerifierOptions().RevocationCheck);
    }

    [Fact]
    public async Task It_gets_the_session_claims_of_the_token()
    {
        var check = new EndedSessions();
        var verifier = _s.Verifier(o => o.RevocationCheck = check);

        await verifier.VerifyAccessTokenAsync(_s.AccessToken());

        var seen = Assert.Single(check.Asked);
        Assert.Equal(TokenUse.Access, seen.TokenUse);
        Assert.Equal(TokenScenario.Subject, seen.Subject);
        Assert.Equal(TokenScenario.ClientId, seen.ClientId);
        Assert.Equal(OriginJti, seen.OriginJti);
        Assert.Equal("7e8f9a0b-1234-4567-89ab-cdef01234567", seen.Jti);
        Assert.Equal("2b4c6d8e-aaaa-4bbb-8ccc-ddddeeeeffff", seen.EventId);
        Assert.Equal(_s.Time.GetUtcNow().AddMinutes(-1), seen.IssuedAt);
        Assert.Equal(_s.Time.GetUtcNow().AddHours(1), seen.ExpiresAt);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_and_not_cached()
    {
        var check = new EndedSessions();
        check.End(OriginJti);
        var verifier = _s.Verifier(o => o.RevocationCheck = check);
        var token = _s.IdToken();

        var error = await TokenScenario.RefusedAsync(TokenValidationFailureReason.Revoked, token, () => verifier.VerifyIdTokenAsync(token));

        Assert.Equal(0, verifier.CachedTokenCount);
        Assert.DoesNotContain(OriginJti, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_token_is_refused_once_its_session_ends()
    {
        var check = new EndedSessions();
        var verifier = _s.Verifier(o => o.RevocationCheck = check);
        var token = _s.AccessToken();
        var first = await verifier.VerifyAccessTokenAsync(token);
        Assert.Same(first, await verifier.VerifyAccessTokenAsync(token));

        check.End(OriginJti);

        await TokenScenario.RefusedAsync(TokenValidationFailureReason.Revoked, token, () => verifier.VerifyAccessTokenAsync(token));
        Assert.Equal(3, check.Asked.Count);
    }

    [Fact]
    public async Task A_token_that_fails_another_check_is_refused_for_that_reason_first()
    {
        var check = new EndedSessions();
        check.End(OriginJti);
        var verifier = _s.Verifier(o => o.RevocationCheck = check);
        var token = _s.AccessToken(c => c["exp"] = _s.Now - 60);

        await TokenScenario.RefusedAsync(TokenValidationFailureReason.Expired, token, () => verifier.VerifyAccessTokenAsync(token));
        Assert.Empty(check.Asked);
    }

    [Fact]
    public async Task A_throwing_check_fails_the_verification_closed()
    {
        var verifier = _s.Verifier(o => o.RevocationCheck = new Throwing());

        await Assert.ThrowsAsync<InvalidOperationException>(() => verifier.VerifyAccessTokenAsync(_s.AccessToken()));
        Assert.Equal(0, verifier.CachedTokenCount);
    }

    private sealed class EndedSessions : ITokenRevocationCheck
    {
        private readonly ConcurrentDictionary<string, bool> _ended = new(StringComparer.Ordinal);

        public ConcurrentQueue<TokenRevocationClaims> Asked { get; } = new();

        public void End(string originJti) => _ended[originJti] = true;

        public bool IsRevoked(in TokenRevocationClaims claims)
        {
            Asked.Enqueue(claims);
            return claims.OriginJti is { } origin && _ended.ContainsKey(origin);
        }
    }

    private sealed class Throwing : ITokenRevocationCheck
    {
        public bool IsRevoked(in TokenRevocationClaims claims) => throw new InvalidOperationException("revocation list unavailable");
    }
}
