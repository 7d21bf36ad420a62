namespace Cognito.Grains.Configuration;

/// <summary>
/// One user pool as the silo knows it. Secrets live here, on the silo, and never travel from callers.
/// </summary>
public sealed class CognitoPoolOptions
{
    /// <summary>The pool id, for example <c>eu-west-1_AbC123</c>.</summary>
    public string UserPoolId { get; set; } = string.Empty;

    /// <summary>The app client the users sign in through.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The app client's secret, when it has one (SECRET_HASH is then sent everywhere it is needed).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The region; by default the pool id's.</summary>
    public string? Region { get; set; }

    /// <summary>A service URL in place of AWS's (emulators, proxies).</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The token issuer, when it is not <c>https://cognito-idp.{region}.amazonaws.com/{poolId}</c> (emulators).</summary>
    public string? Issuer { get; set; }

    /// <summary>The pool's JWKS as JSON, to verify tokens without downloading it (like warrant's COGNITO_JWKS).</summary>
    public string? Jwks { get; set; }

    /// <summary>Explicit IAM credentials for admin operations; by default AWSSDK.Core's default chain.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The secret key of <see cref="AccessKeyId"/>.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>The session token of temporary credentials.</summary>
    public string? SessionToken { get; set; }

    /// <summary>How far token timestamps may be off when verified, and how close to expiry a token stops being handed out.</summary>
    public TimeSpan TokenLeeway { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long before expiry the grain's timer refreshes the tokens.</summary>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Up to this much random time is taken off the refresh time so many sessions don't refresh at once.</summary>
    public TimeSpan RefreshJitter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Refresh through GetTokensFromRefreshToken, for app clients with refresh-token rotation.</summary>
    public bool UseRefreshTokenRotation { get; set; }

    /// <summary>Whether usernames are case-sensitive; null asks the pool (DescribeUserPool, which needs IAM credentials).</summary>
    public bool? UsernameCaseSensitive { get; set; }

    /// <summary>
    /// How long a key that is an alias (an email, a phone number) trusts its owner before asking
    /// again, with Cognito's GetUser, whether the owner's user still has that alias. Zero asks on every call.
    /// </summary>
    public TimeSpan AliasRecheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one attempt of a Cognito call may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a Cognito call may take with all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a transient failure is retried.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Limits on the pool's sessions per user, and its ended-sessions log (<c>Sessions:*</c>).</summary>
    public CognitoSessionOptions Sessions { get; } = new();

    /// <summary>Never prints the secrets.</summary>
    public override string ToString() => $"CognitoPoolOptions {{ UserPoolId = {UserPoolId}, ClientId = {ClientId}, ClientSecret = {(ClientSecret is null ? "null" : "***")} }}";
}
