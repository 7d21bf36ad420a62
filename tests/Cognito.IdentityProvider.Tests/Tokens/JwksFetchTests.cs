using System.Net;
using System.Net.Sockets;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Tokens;
using Microsoft.AspNetCore.Http;

namespace Cognito.IdentityProvider.Tests.Tokens;

/// <summary>Downloading, caching and refetching the JWKS, counted at a real HTTP server.</summary>
public sealed class JwksFetchTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);
    private TokenScenario _s = null!;

    public async Task InitializeAsync() => _s = await TokenScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task The_jwks_is_downloaded_once_and_cached()
    {
        var verifier = _s.Verifier();
        Assert.Equal(0, _s.Server.JwksRequests);

        for (var i = 0; i < 5; i++)
        {
            await verifier.VerifyIdTokenAsync(_s.IdToken());
            await verifier.VerifyAccessTokenAsync(_s.AccessToken());
        }

        Assert.Equal(1, _s.Server.JwksRequests);
    }

    [Fact]
    public async Task Preloading_downloads_the_keys_before_the_first_token()
    {
        var verifier = _s.Verifier();

        await verifier.PreloadKeysAsync();
        Assert.Equal(1, _s.Server.JwksRequests);
        await verifier.PreloadKeysAsync();
        await verifier.VerifyIdTokenAsync(_s.IdToken());

        Assert.Equal(1, _s.Server.JwksRequests);
    }

    [Fact]
    public async Task An_unknown_kid_refetches_once_then_waits_out_the_interval()
    {
        var verifier = _s.Verifier();
        await verifier.VerifyIdTokenAsync(_s.IdToken());
        Assert.Equal(1, _s.Server.JwksRequests);

        await UnknownKey(verifier, TestRsaKey.B);
        Assert.Equal(2, _s.Server.JwksRequests);

        // In the penalty box: unknown kids (the same or others) cost no download.
        await UnknownKey(verifier, TestRsaKey.B);
        await UnknownKey(verifier, TestRsaKey.C);
        _s.Time.Advance(Interval - TimeSpan.FromSeconds(1));
        await UnknownKey(verifier, TestRsaKey.B);
        Assert.Equal(2, _s.Server.JwksRequests);

        // Known keys are unaffected by the penalty box.
        await verifier.VerifyIdTokenAsync(_s.IdToken());

        _s.Time.Advance(TimeSpan.FromSeconds(1));
        await UnknownKey(verifier, TestRsaKey.B);
        Assert.Equal(3, _s.Server.JwksRequests);
    }

    [Fact]
    public async Task The_refetch_interval_is_configurable()
    {
        var verifier = _s.Verifier(o => o.JwksRefetchInterval = TimeSpan.FromMinutes(10));
        await UnknownKey(verifier, TestRsaKey.B);
        Assert.Equal(1, _s.Server.JwksRequests);

        _s.Time.Advance(TimeSpan.FromMinutes(9));
        await UnknownKey(verifier, TestRsaKey.B);
        Assert.Equal(1, _s.Server.JwksRequests);

        _s.Time.Advance(TimeSpan.FromMinutes(1));
        await UnknownKey(verifier, TestRsaKey.B);
        Assert.Equal(2, _s.Server.JwksRequests);
    }

    [Fact]
    public async Task A_rotated_key_is_picked_up_by_the_refetch()
    {
        var verifier = _s.Verifier();
        await verifier.VerifyIdTokenAsync(_s.IdToken());

        _s.Server.Jwks = TestRsaKey.Jwks(TestRsaKey.A, TestRsaKey.B);
        var verified = await verifier.VerifyIdTokenAsync(_s.IdToken(key: TestRsaKey.B));

        Assert.Equal(TokenScenario.Subject, verified.Subject);
        Assert.Equal(2, _s.Server.JwksRequests);
        await verifier.VerifyIdTokenAsync(_s.IdToken(key: TestRsaKey.A));
        await verifier.VerifyIdTokenAsync(_s.IdToken(key: TestRsaKey.B));
        Assert.Equal(2, _s.Server.JwksRequests);
    }

    [Fact]
    public async Task A_key_withdrawn_from_the_jwks_stops_verifying_after_a_refetch()
    {
        var verifier = _s.Verifier();
        await verifier.VerifyIdTokenAsync(_s.IdToken());

        _s.Server.Jwks = TestRsaKey.Jwks(TestRsaKey.B);
        await verifier.VerifyIdTokenAsync(_s.IdToken(key: TestRsaKey.B));

        await UnknownKey(verifier, TestRsaKey.A);
    }

    [Fact]
    public async Task Concurrent_first_verifications_share_one_download()
    {
        var verifier = _s.Verifier();
        _s.Server.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var verifications = Enumerable.Range(0, 20)
            .Select(i => i % 2 == 0 ? verifier.VerifyIdTokenAsync(_s.IdToken()) : verifier.VerifyAccessTokenAsync(_s.AccessToken()))
            .ToList();
        await _s.Server.WaitForRequestsAsync(1);
        await Task.Delay(200);
        Assert.Equal(1, _s.Server.JwksRequests);
        Assert.All(verifications, v => Assert.False(v.IsCompleted));

        _s.Server.Gate.SetResult();
        await Task.WhenAll(verifications);

        Assert.Equal(1, _s.Server.JwksRequests);
    }

    [Fact]
    public async Task Concurrent_unknown_kid_lookups_share_one_refetch()
    {
        var verifier = _s.Verifier();
        await verifier.VerifyIdTokenAsync(_s.IdToken());
        _s.Server.Jwks = TestRsaKey.Jwks(TestRsaKey.A, TestRsaKey.B);
        _s.Server.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var rotated = Enumerable.Range(0, 20).Select(_ => verifier.VerifyIdTokenAsync(_s.IdToken(key: TestRsaKey.B))).ToList();
        await _s.Server.WaitForRequestsAsync(2);
        await Task.Delay(200);

        // Tokens with the known key do not wait for the refetch.
        await verifier.VerifyIdTokenAsync(_s.IdToken(key: TestRsaKey.A));
        Assert.Equal(2, _s.Server.JwksRequests);

        _s.Server.Gate.SetResult();
        await Task.WhenAll(rotated);

        Assert.Equal(2, _s.Server.JwksRequests);
    }

    [Fact]
    public async Task A_caller_giving_up_does_not_fail_the_shared_download()
    {
        var verifier = _s.Verifier();
        _s.Server.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var impatient = new CancellationTokenSource();

        var cancelled = verifier.VerifyIdTokenAsync(_s.IdToken(), impatient.Token);
        var patient = verifier.VerifyIdTokenAsync(_s.IdToken());
        await _s.Server.WaitForRequestsAsync(1);
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        _s.Server.Gate.SetResult();
        Assert.Equal(TokenScenario.Subject, (await patient).Subject);
        Assert.Equal(1, _s.Server.JwksRequests);
    }

    [Fact]
    public async Task A_server_error_is_a_typed_jwks_error_and_the_next_token_tries_again()
    {
        var verifier = _s.Verifier();
        _s.Server.Misbehave = context =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        };
        var token = _s.IdToken();

        var error = await Assert.ThrowsAsync<CognitoJwksException>(() => verifier.VerifyIdTokenAsync(token));

        Assert.Equal("JwksUnavailable", error.ErrorCode);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        TokenScenario.AssertNothingLeaks(error, token);

        // Until the keys have loaded once there is nothing to protect: the next token tries again.
        _s.Server.Misbehave = null;
        await verifier.VerifyIdTokenAsync(token);
        Assert.Equal(2, _s.Server.JwksRequests);
    }

    [Theory]
    [InlineData("<html>Service Unavailable</html>")]
    [InlineData("{}")]
    [InlineData("""{"keys":[]}""")]
    [InlineData("""{"keys":[{"kty":"EC","kid":"key-a","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]}""")]
    [InlineData("""{"keys":[{"kty":"RSA","kid":"key-a","use":"enc","n":"sXch","e":"AQAB"}]}""")]
    public async Task Junk_instead_of_a_jwks_is_a_typed_jwks_error(string body)
    {
        _s.Server.Misbehave = context => context.Response.WriteAsync(body);

        var error = await Assert.ThrowsAsync<CognitoJwksException>(() => _s.Verifier().VerifyIdTokenAsync(_s.IdToken()));

        Assert.Contains("not usable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_jwks_is_a_typed_jwks_error()
    {
        _s.Server.Misbehave = context => context.Response.WriteAsync(new string(' ', 2 * 1024 * 1024));

        var error = await Assert.ThrowsAsync<CognitoJwksException>(() => _s.Verifier().VerifyIdTokenAsync(_s.IdToken()));

        Assert.Contains("larger than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_a_typed_jwks_error()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var verifier = _s.Verifier(o => o.Issuer = $"http://127.0.0.1:{port}/{TokenScenario.PoolId}");

        var error = await Assert.ThrowsAsync<CognitoJwksException>(() => verifier.VerifyIdTokenAsync(_s.IdToken()));

        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stalled_endpoint_times_out_as_a_typed_jwks_error()
    {
        var verifier = _s.Verifier(o => o.JwksFetchTimeout = TimeSpan.FromSeconds(5));
        _s.Server.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var verification = verifier.VerifyIdTokenAsync(_s.IdToken());
        await _s.Server.WaitForRequestsAsync(1);
        _s.Time.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<CognitoJwksException>(() => verification);
        Assert.Contains("did not answer within", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_refetch_is_a_typed_error_and_then_waits_out_the_interval()
    {
        var verifier = _s.Verifier();
        await verifier.VerifyIdTokenAsync(_s.IdToken());
        _s.Server.Misbehave = context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        };

        await Assert.ThrowsAsync<CognitoJwksException>(() => verifier.VerifyIdTokenAsync(_s.IdToken(key: TestRsaKey.B)));
        Assert.Equal(2, _s.Server.JwksRequests);

        // The cached keys keep working, and the broken endpoint is left alone for the interval.
        await verifier.VerifyIdTokenAsync(_s.IdToken());
        await UnknownKey(verifier, TestRsaKey.B);
        Assert.Equal(2, _s.Server.JwksRequests);

        _s.Server.Misbehave = null;
        _s.Server.Jwks = TestRsaKey.Jwks(TestRsaKey.A, TestRsaKey.B);
        _s.Time.Advance(Interval);
        await verifier.VerifyIdTokenAsync(_s.IdToken(key: TestRsaKey.B));
        Assert.Equal(3, _s.Server.JwksRequests);
    }

    private async Task UnknownKey(CognitoTokenVerifier verifier, TestRsaKey key)
    {
        var token = _s.IdToken(key: key);
        await TokenScenario.RefusedAsync(TokenValidationFailureReason.UnknownKeyId, token, () => verifier.VerifyIdTokenAsync(token));
    }
}
