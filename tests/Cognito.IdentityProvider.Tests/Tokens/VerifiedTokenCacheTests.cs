using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Tokens;

namespace Cognito.IdentityProvider.Tests.Tokens;

/// <summary>
/// The verified-token cache: a hit is the very result of the first verification, and is served only
/// while a full verification would pass again (exp and skew, iat/nbf, the pool's keys, the kind asked
/// for, the at_hash binding); a token that differs in one byte never is; the size bound holds.
/// </summary>
public sealed class VerifiedTokenCacheTests : IAsyncLifetime
{
    private TokenScenario _s = null!;

    public async Task InitializeAsync() => _s = await TokenScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public void The_cache_is_on_by_default_with_ten_thousand_entries()
    {
        Assert.Equal(10_000, new CognitoTokenVerifierOptions().VerifiedTokenCacheSize);
    }

    [Fact]
    public async Task A_hit_returns_the_same_claims()
    {
        var verifier = _s.Verifier();
        var token = _s.IdToken();

        var first = await verifier.VerifyIdTokenAsync(token);
        var second = await verifier.VerifyIdTokenAsync(token);

        Assert.Same(first, second);
        Assert.Equal(1, verifier.CachedTokenCount);
        Assert.Equal(TokenScenario.Subject, second.Subject);
        Assert.Equal("alice@example.com", second.Claims["email"]);
        Assert.Equal(_s.IdClaims().Count, second.Claims.Count);
    }

    [Fact]
    public async Task The_claims_are_a_read_only_dictionary_as_before()
    {
        // Orleans copies VerifiedClaims between grains by the dictionary's type; it must stay the framework's.
        var verified = await _s.Verifier().VerifyAccessTokenAsync(_s.AccessToken());

        var claims = Assert.IsType<System.Collections.ObjectModel.ReadOnlyDictionary<string, string>>(verified.Claims);
        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, string>)claims).Add("sub", "someone-else"));
        Assert.Equal(TokenScenario.Subject, claims["sub"]);
    }

    [Fact]
    public async Task Without_the_cache_every_verification_is_a_new_one()
    {
        var verifier = _s.Verifier(o => o.VerifiedTokenCacheSize = 0);
        var token = _s.AccessToken();

        Assert.NotSame(await verifier.VerifyAccessTokenAsync(token), await verifier.VerifyAccessTokenAsync(token));
        Assert.Equal(0, verifier.CachedTokenCount);
    }

    [Fact]
    public void A_negative_size_is_refused()
    {
        Assert.Throws<CognitoConfigurationException>(() => _s.Verifier(o => o.VerifiedTokenCacheSize = -1));
    }

    [Fact]
    public async Task A_hit_is_never_served_past_exp_and_the_clock_skew()
    {
        var verifier = _s.Verifier();
        var token = _s.AccessToken(c => c["exp"] = _s.Now + 60);
        var first = await verifier.VerifyAccessTokenAsync(token);

        _s.Time.Advance(TimeSpan.FromSeconds(89));
        Assert.Same(first, await verifier.VerifyAccessTokenAsync(token));

        _s.Time.Advance(TimeSpan.FromSeconds(1));
        await TokenScenario.RefusedAsync(TokenValidationFailureReason.Expired, token, () => verifier.VerifyAccessTokenAsync(token));
        Assert.Equal(0, verifier.CachedTokenCount);
    }

    [Fact]
    public async Task A_hit_honours_a_zero_clock_skew_to_the_tick()
    {
        var verifier = _s.Verifier(o => o.ClockSkew = TimeSpan.Zero);
        var token = _s.AccessToken(c => c["exp"] = _s.Now + 10);
        await verifier.VerifyAccessTokenAsync(token);

        _s.Time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        await verifier.VerifyAccessTokenAsync(token);
        _s.Time.Advance(TimeSpan.FromTicks(1));

        await TokenScenario.RefusedAsync(TokenValidationFailureReason.Expired, token, () => verifier.VerifyAccessTokenAsync(token));
    }

    [Fact]
    public async Task A_clock_set_back_before_iat_refuses_a_cached_token()
    {
        // FakeTimeProvider only goes forward; a wall clock can be set back (NTP step, VM restore).
        var clock = new SettableClock(_s.Time.GetUtcNow());
        var options = new CognitoTokenVerifierOptions { Issuer = _s.Issuer, Jwks = TestRsaKey.Jwks(TestRsaKey.A) };
        options.ClientIds.Add(TokenScenario.ClientId);
        var verifier = new CognitoTokenVerifier(options, null, clock, null, _ => null);
        var token = _s.AccessToken(c => c["iat"] = _s.Now);
        var first = await verifier.VerifyAccessTokenAsync(token);
        Assert.Same(first, await verifier.VerifyAccessTokenAsync(token));

        clock.Now -= TimeSpan.FromSeconds(31);

        await TokenScenario.RefusedAsync(TokenValidationFailureReason.NotYetValid, token, () => verifier.VerifyAccessTokenAsync(token));
    }

    public static TheoryData<string> Parts() => new() { "header", "payload", "signature" };

    [Theory]
    [MemberData(nameof(Parts))]
    public async Task A_token_altered_by_one_byte_is_not_served_from_the_cache(string part)
    {
        var verifier = _s.Verifier();
        var token = _s.IdToken();
        await verifier.VerifyIdTokenAsync(token);
        var dots = (token.IndexOf('.', StringComparison.Ordinal), token.LastIndexOf('.'));
        var at = part switch
        {
            "header" => 5,
            "payload" => dots.Item1 + 20,
            _ => dots.Item2 + 20,
        };
        var altered = token[..at] + (token[at] == 'Q' ? 'R' : 'Q') + token[(at + 1)..];

        var error = await Assert.ThrowsAsync<TokenValidationException>(() => verifier.VerifyIdTokenAsync(altered));

        Assert.Contains(error.Reason, new[] { TokenValidationFailureReason.InvalidSignature, TokenValidationFailureReason.Malformed, TokenValidationFailureReason.UnknownKeyId });
        Assert.Equal(1, verifier.CachedTokenCount);
    }

    [Fact]
    public async Task A_cached_token_of_the_other_kind_is_still_refused()
    {
        var verifier = _s.Verifier();
        var access = _s.AccessToken();
        await verifier.VerifyAccessTokenAsync(access);

        await TokenScenario.RefusedAsync(TokenValidationFailureReason.WrongTokenUse, access, () => verifier.VerifyIdTokenAsync(access));
    }

    [Fact]
    public async Task A_cached_id_token_is_bound_to_its_access_token_on_a_hit()
    {
        var verifier = _s.Verifier();
        var access = _s.AccessToken();
        var id = _s.IdToken(c => c["at_hash"] = CognitoTokenVerifier.AccessTokenHash(access));
        var first = await verifier.VerifyIdTokenAsync(id);

        Assert.Same(first, await verifier.VerifyIdTokenAsync(id, access));
        await TokenScenario.RefusedAsync(TokenValidationFailureReason.AccessTokenHashMismatch, id, () => verifier.VerifyIdTokenAsync(id, _s.AccessToken(a => a["jti"] = "another")));
    }

    [Fact]
    public async Task The_size_bound_holds_and_the_newest_token_stays()
    {
        var verifier = _s.Verifier(o => o.VerifiedTokenCacheSize = 5);
        var tokens = Enumerable.Range(0, 20).Select(i => _s.AccessToken(c => c["jti"] = $"jti-{i}")).ToArray();
        var results = new List<VerifiedCognitoToken>();

        foreach (var token in tokens)
        {
            results.Add(await verifier.VerifyAccessTokenAsync(token));
            Assert.InRange(verifier.CachedTokenCount, 1, 5);
        }

        Assert.Same(results[^1], await verifier.VerifyAccessTokenAsync(tokens[^1]));
        Assert.NotSame(results[0], await verifier.VerifyAccessTokenAsync(tokens[0]));
    }

    [Fact]
    public async Task Expired_entries_are_evicted_before_live_ones()
    {
        var verifier = _s.Verifier(o => o.VerifiedTokenCacheSize = 3);
        var shortLived = _s.AccessToken(c => (c["exp"], c["jti"]) = (_s.Now + 10, "short"));
        var b = _s.AccessToken(c => c["jti"] = "b");
        var c = _s.AccessToken(c => c["jti"] = "c");
        await verifier.VerifyAccessTokenAsync(shortLived);
        var verifiedB = await verifier.VerifyAccessTokenAsync(b);
        var verifiedC = await verifier.VerifyAccessTokenAsync(c);
        _s.Time.Advance(TimeSpan.FromSeconds(41));

        await verifier.VerifyAccessTokenAsync(_s.AccessToken(c => c["jti"] = "d"));

        Assert.Equal(3, verifier.CachedTokenCount);
        Assert.Same(verifiedB, await verifier.VerifyAccessTokenAsync(b));
        Assert.Same(verifiedC, await verifier.VerifyAccessTokenAsync(c));
    }

    [Fact]
    public async Task Failures_are_not_cached_so_a_key_refetch_can_succeed_later()
    {
        var verifier = _s.Verifier();
        await verifier.PreloadKeysAsync();
        var token = _s.AccessToken(key: TestRsaKey.B);
        await TokenScenario.RefusedAsync(TokenValidationFailureReason.UnknownKeyId, token, () => verifier.VerifyAccessTokenAsync(token));
        Assert.Equal(0, verifier.CachedTokenCount);

        _s.Server.Jwks = TestRsaKey.Jwks(TestRsaKey.A, TestRsaKey.B);
        _s.Time.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(TokenScenario.Subject, (await verifier.VerifyAccessTokenAsync(token)).Subject);
    }

    [Fact]
    public async Task A_cached_token_whose_key_left_the_pool_is_verified_again_and_refused()
    {
        var verifier = _s.Verifier();
        var signedByA = _s.AccessToken();
        await verifier.VerifyAccessTokenAsync(signedByA);

        // The pool rotated to B only; a B token makes the verifier download the new set.
        _s.Server.Jwks = TestRsaKey.Jwks(TestRsaKey.B);
        await verifier.VerifyAccessTokenAsync(_s.AccessToken(key: TestRsaKey.B));

        await TokenScenario.RefusedAsync(TokenValidationFailureReason.UnknownKeyId, signedByA, () => verifier.VerifyAccessTokenAsync(signedByA));
    }

    [Fact]
    public async Task Concurrent_callers_get_each_token_its_own_claims_and_the_bound_holds()
    {
        var verifier = _s.Verifier(o => o.VerifiedTokenCacheSize = 16);
        var tokens = Enumerable.Range(0, 48).Select(i => (Jti: $"jti-{i}", Token: _s.AccessToken(c => c["jti"] = $"jti-{i}"))).ToArray();
        var forged = _s.AccessToken(key: TestRsaKey.C);
        await verifier.PreloadKeysAsync();

        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 600; i++)
            {
                var (jti, token) = tokens[((i * 7) + (w * 13)) % tokens.Length];
                var verified = await verifier.VerifyAccessTokenAsync(token);
                Assert.Equal(jti, verified.Claims["jti"]);
                Assert.InRange(verifier.CachedTokenCount, 0, 16);
                if (i % 50 == 0)
                {
                    await Assert.ThrowsAsync<TokenValidationException>(() => verifier.VerifyAccessTokenAsync(forged));
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        Assert.InRange(verifier.CachedTokenCount, 1, 16);
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
