using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.ManagedLogin;
using Cognito.IdentityProvider.Tests.Tokens;
using Cognito.IdentityProvider.Tokens;

namespace Cognito.IdentityProvider.Tests.ManagedLogin;

/// <summary>An ID token from a code exchange must be bound to its access token (at_hash) and to the attempt (nonce).</summary>
public sealed class ManagedLoginTokenCheckTests : IAsyncLifetime
{
    private TokenScenario _s = null!;

    public async Task InitializeAsync() => _s = await TokenScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private CognitoTokens Tokens(string access, string id) => new(access, id, "rt", _s.Time.GetUtcNow().AddHours(1), "Bearer");

    [Fact]
    public async Task The_attempts_nonce_and_the_access_tokens_hash_pass()
    {
        var attempt = ManagedLoginAttempt.Create();
        var access = _s.AccessToken();
        var id = _s.IdToken(c => { c["nonce"] = attempt.Nonce; c["at_hash"] = CognitoTokenVerifier.AccessTokenHash(access); });

        var verified = await ManagedLoginTokenCheck.VerifyAsync(_s.Verifier(), Tokens(access, id), attempt);

        Assert.Equal(TokenScenario.Subject, verified.Subject);
    }

    [Fact]
    public async Task Another_attempts_nonce_is_refused()
    {
        var access = _s.AccessToken();
        var id = _s.IdToken(c => { c["nonce"] = ManagedLoginAttempt.Create().Nonce; c["at_hash"] = CognitoTokenVerifier.AccessTokenHash(access); });
        await TokenScenario.RefusedAsync(TokenValidationFailureReason.NonceMismatch, id,
            () => ManagedLoginTokenCheck.VerifyAsync(_s.Verifier(), Tokens(access, id), ManagedLoginAttempt.Create()));
    }

    [Fact]
    public async Task A_token_without_a_nonce_is_refused()
    {
        var access = _s.AccessToken();
        var id = _s.IdToken(c => c["at_hash"] = CognitoTokenVerifier.AccessTokenHash(access));
        await TokenScenario.RefusedAsync(TokenValidationFailureReason.NonceMismatch, id,
            () => ManagedLoginTokenCheck.VerifyAsync(_s.Verifier(), Tokens(access, id), ManagedLoginAttempt.Create()));
    }

    [Fact]
    public async Task An_id_token_issued_with_another_access_token_is_refused()
    {
        var attempt = ManagedLoginAttempt.Create();
        var access = _s.AccessToken();
        var id = _s.IdToken(c => { c["nonce"] = attempt.Nonce; c["at_hash"] = CognitoTokenVerifier.AccessTokenHash(_s.AccessToken(a => a["jti"] = "other")); });
        await TokenScenario.RefusedAsync(TokenValidationFailureReason.AccessTokenHashMismatch, id,
            () => ManagedLoginTokenCheck.VerifyAsync(_s.Verifier(), Tokens(access, id), attempt));
    }

    [Fact]
    public async Task An_exchange_without_an_id_token_is_refused()
    {
        var error = await Assert.ThrowsAsync<TokenValidationException>(() =>
            ManagedLoginTokenCheck.VerifyAsync(_s.Verifier(), new CognitoTokens(_s.AccessToken(), null, null, _s.Time.GetUtcNow(), "Bearer"), ManagedLoginAttempt.Create()));
        Assert.Equal(TokenValidationFailureReason.MissingClaim, error.Reason);
    }
}
