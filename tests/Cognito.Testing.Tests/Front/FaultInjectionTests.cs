using System.Net;
using Cognito.IdentityProvider;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.Testing.SrpFront;

namespace Cognito.Testing.Tests.Front;

/// <summary>Each fault the front injects reaches the wire client as the transient error it classifies, and faults switch on and off while the front runs.</summary>
[Collection(SrpFrontCollection.Name)]
public sealed class FaultInjectionTests(SrpFrontFixture fixture)
{
    [Theory]
    [InlineData(FaultKind.InternalError, typeof(InternalErrorException))]
    [InlineData(FaultKind.Throttle, typeof(TooManyRequestsException))]
    [InlineData(FaultKind.BareServerError, typeof(CognitoServiceException))]
    [InlineData(FaultKind.ServiceUnavailable, typeof(CognitoServiceException))]
    [InlineData(FaultKind.ConnectionReset, typeof(CognitoTransportException))]
    [InlineData(FaultKind.Timeout, typeof(CognitoTimeoutException))]
    public async Task A_fault_is_a_transient_error_of_its_kind(FaultKind kind, Type expected)
    {
        var pool = await fixture.CreatePoolAsync();
        var client = OneAttemptClient(pool.UserPoolId);
        fixture.Front.Faults.Start(1.0, kind, "DescribeUserPool");
        try
        {
            var error = await Assert.ThrowsAnyAsync<CognitoException>(() => client.DescribeUserPoolAsync(new DescribeUserPoolRequest { UserPoolId = pool.UserPoolId }));
            Assert.IsType(expected, error);
            Assert.True(CognitoTransience.IsTransient(error), error.ErrorCode);
            if (kind == FaultKind.Throttle)
            {
                // As AWS throttles: HTTP 400, not 429.
                Assert.Equal(HttpStatusCode.BadRequest, ((CognitoServiceException)error).StatusCode);
            }

            // Only the named operation fails.
            Assert.Equal(pool.ClientId, (await client.DescribeUserPoolClientAsync(new DescribeUserPoolClientRequest { UserPoolId = pool.UserPoolId, ClientId = pool.ClientId })).UserPoolClient!.ClientId);
        }
        finally
        {
            fixture.Front.Faults.Stop();
        }

        Assert.Equal(pool.UserPoolId, (await client.DescribeUserPoolAsync(new DescribeUserPoolRequest { UserPoolId = pool.UserPoolId })).UserPool!.Id);
        Assert.True(fixture.Front.Faults.Injected(kind) > 0);
    }

    [Fact]
    public async Task Slow_answers_arrive_late_and_whole()
    {
        var pool = await fixture.CreatePoolAsync();
        var client = OneAttemptClient(pool.UserPoolId);
        fixture.Front.Faults.SlowBy = TimeSpan.FromMilliseconds(200);
        fixture.Front.Faults.Start(1.0, FaultKind.Slow, "DescribeUserPool");
        try
        {
            var started = DateTime.UtcNow;
            Assert.Equal(pool.UserPoolId, (await client.DescribeUserPoolAsync(new DescribeUserPoolRequest { UserPoolId = pool.UserPoolId })).UserPool!.Id);
            Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(190));
        }
        finally
        {
            fixture.Front.Faults.Stop();
        }
    }

    [Fact]
    public async Task A_rate_fails_about_that_share_and_retries_get_through_it()
    {
        var pool = await fixture.CreatePoolAsync();
        // Eight retries: a call fails outright only when nine attempts in a row fault (0.3^9 per
        // call, about 1 in 1,300 runs of 40 calls); with the default three, one run in four would.
        var options = fixture.Options(pool.UserPoolId);
        options.MaxRetryAttempts = 8;
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        options.RetryMaxDelay = TimeSpan.FromMilliseconds(50);
        var retrying = new CognitoIdentityProviderClient(fixture.Http, options);
        // Rates count whole seconds: start on a fresh one, so earlier tests' calls stay out.
        var since = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        await Task.Delay(since - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(10));
        var before = fixture.Front.Count("DescribeUserPool");
        fixture.Front.Faults.Start(0.3, FaultKind.InternalError | FaultKind.Throttle | FaultKind.ServiceUnavailable, "DescribeUserPool");
        try
        {
            for (var i = 0; i < 40; i++)
            {
                await retrying.DescribeUserPoolAsync(new DescribeUserPoolRequest { UserPoolId = pool.UserPoolId });
            }
        }
        finally
        {
            fixture.Front.Faults.Stop();
        }

        // 40 calls, each with at most 8 retries: in practice about 17 extra attempts.
        var calls = fixture.Front.Count("DescribeUserPool") - before;
        Assert.InRange(calls, 41, 40 * 9);
        Assert.Equal(calls, fixture.Front.Rates.PerSecond("DescribeUserPool", since).Sum(s => s.Calls));
    }

    private CognitoIdentityProviderClient OneAttemptClient(string userPoolId)
    {
        var options = fixture.Options(userPoolId);
        options.MaxRetryAttempts = 0;
        options.AttemptTimeout = TimeSpan.FromMilliseconds(500);
        return new CognitoIdentityProviderClient(fixture.Http, options);
    }
}
