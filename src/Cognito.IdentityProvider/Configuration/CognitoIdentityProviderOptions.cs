using Amazon.Runtime;

namespace Cognito.IdentityProvider.Configuration;

/// <summary>Where and how the wire client talks to Cognito.</summary>
public sealed class CognitoIdentityProviderOptions
{
    /// <summary>The user pool; its id also gives the region when <see cref="Region"/> is not set.</summary>
    public string? UserPoolId { get; set; }

    /// <summary>The AWS region (for example <c>eu-west-1</c>); by default the pool id's.</summary>
    public string? Region { get; set; }

    /// <summary>A service URL in place of <c>https://cognito-idp.{region}.amazonaws.com/</c>, for emulators and proxies.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Credentials for the signed (admin) operations; by default AWSSDK.Core's default chain. Never used for unsigned operations.</summary>
    public AWSCredentials? Credentials { get; set; }

    /// <summary>How long one HTTP attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a call may take, retries and back-off included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt for throttling, internal errors, 5xx and transport failures.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first back-off delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest single back-off delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Asked before each retry; none retries within the bounds above alone.</summary>
    public ICognitoRetryGate? RetryGate { get; set; }

    /// <summary>The largest response body accepted; a larger one is a protocol error rather than unbounded memory.</summary>
    public int MaxResponseBytes { get; set; } = 16 * 1024 * 1024;
}
