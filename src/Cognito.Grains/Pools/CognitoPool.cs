using Amazon.Runtime;
using Cognito.Client.Errors;
using Cognito.Grains.Configuration;
using Cognito.IdentityProvider;
using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Tokens;
using Microsoft.Extensions.Logging;

namespace Cognito.Grains.Pools;

/// <summary>
/// Everything a grain needs to talk to one configured pool: the wire client, the sign-in state
/// machine, the token verifier and the pool's username rules. One instance per pool per silo.
/// </summary>
internal sealed class CognitoPool : IDisposable
{
    private readonly HttpClient _http;
    private readonly object _gate = new();
    private Task<bool>? _caseSensitive;

    /// <param name="httpClient">The pool's client, held for the pool's lifetime: from <see cref="CognitoHttpClients.NameFor"/> in the silo.</param>
    public CognitoPool(string name, CognitoPoolOptions options, HttpClient httpClient, TimeProvider timeProvider, ILoggerFactory loggerFactory, ICognitoRetryGate? retryGate = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Name = name;
        Options = options;
        _http = httpClient;
        AWSCredentials? credentials = options.AccessKeyId is null
            ? null
            : options.SessionToken is null
                ? new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey)
                : new SessionAWSCredentials(options.AccessKeyId, options.SecretAccessKey, options.SessionToken);
        // The wire client's retries and timeouts run on real time whatever clock the grains use.
        Client = new CognitoIdentityProviderClient(_http, new CognitoIdentityProviderOptions
        {
            UserPoolId = options.UserPoolId,
            Region = options.Region,
            ServiceUrl = options.ServiceUrl,
            Credentials = credentials,
            AttemptTimeout = options.AttemptTimeout,
            TotalTimeout = options.TotalTimeout,
            MaxRetryAttempts = options.MaxRetryAttempts,
            // Retries count against Cognito's quota like first attempts: the refresh budget meters them.
            RetryGate = retryGate,
        }, logger: loggerFactory.CreateLogger<CognitoIdentityProviderClient>());
        App = new CognitoAppClient(options.UserPoolId, options.ClientId, options.ClientSecret);
        Authenticator = new CognitoAuthenticator(Client, App, timeProvider);
        var verifierOptions = new CognitoTokenVerifierOptions
        {
            UserPoolId = options.UserPoolId,
            Issuer = options.Issuer,
            Jwks = options.Jwks,
            ClockSkew = options.TokenLeeway,
        };
        verifierOptions.ClientIds.Add(options.ClientId);
        // exp and iat are instants on Cognito's clock: they are checked against real time, whatever clock schedules the grains.
        Verifier = new CognitoTokenVerifier(verifierOptions, _http, TimeProvider.System, loggerFactory.CreateLogger<CognitoTokenVerifier>());
    }

    public string Name { get; }

    public CognitoPoolOptions Options { get; }

    public ICognitoIdentityProvider Client { get; }

    public CognitoAppClient App { get; }

    public CognitoAuthenticator Authenticator { get; }

    public CognitoTokenVerifier Verifier { get; }

    public string UserPoolId => Options.UserPoolId;

    /// <summary>The username as the pool compares it: case-folded in case-insensitive pools.</summary>
    public async ValueTask<string> NormalizeAsync(string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(username);
        var caseSensitive = Options.UsernameCaseSensitive ?? await CaseSensitiveAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return caseSensitive ? username : username.ToLowerInvariant();
    }

    // One look-up serves every caller, so no single caller's cancellation may end it; the wire
    // client's timeouts bound it. A failed look-up is tried again by the next caller.
    private Task<bool> CaseSensitiveAsync()
    {
        lock (_gate)
        {
            if (_caseSensitive is null || _caseSensitive.IsFaulted || _caseSensitive.IsCanceled)
            {
                _caseSensitive = AskCaseSensitivityAsync();
            }

            return _caseSensitive;
        }
    }

    private async Task<bool> AskCaseSensitivityAsync()
    {
        try
        {
            var pool = await Client.DescribeUserPoolAsync(new DescribeUserPoolRequest { UserPoolId = UserPoolId }, CancellationToken.None).ConfigureAwait(false);
            // Pools created before UsernameConfiguration existed compare usernames case-sensitively.
            return pool.UserPool?.UsernameConfiguration?.CaseSensitive ?? true;
        }
        catch (CognitoException e) when (e is not CognitoServiceException { ErrorCode: ResourceNotFoundException.Code })
        {
            throw new CognitoConfigurationException(
                $"Pool '{Name}': DescribeUserPool failed ({e.ErrorCode}), so it is unknown whether usernames are case-sensitive. Grant cognito-idp:DescribeUserPool or set UsernameCaseSensitive in the pool's configuration.", e);
        }
    }

    public void Dispose() => _http.Dispose();
}
