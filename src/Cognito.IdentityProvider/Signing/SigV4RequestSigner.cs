using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;
using Cognito.IdentityProvider.Errors;

namespace Cognito.IdentityProvider.Signing;

/// <summary>
/// SigV4 through AWSSDK.Core's standalone signer. Credentials are the ones given, else the SDK's
/// default chain (environment, profile, SSO, container, instance metadata), resolved on the first
/// signed call only, so unsigned operations work with no AWS configuration at all.
/// </summary>
public sealed class SigV4RequestSigner : IAwsRequestSigner
{
    /// <summary>Cognito's SigV4 service name.</summary>
    public const string ServiceName = "cognito-idp";

    private readonly TimeProvider _timeProvider;
    private readonly string _service;
    private readonly AWSCredentials? _given;
    private readonly object _gate = new();
    private Task<AWSCredentials>? _resolved;

    /// <summary>A signer with <paramref name="credentials"/>, else the SDK's default chain.</summary>
    public SigV4RequestSigner(AWSCredentials? credentials = null, TimeProvider? timeProvider = null, string service = ServiceName)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _service = service;
        _given = credentials;
    }

    /// <summary>The given credentials, else the default chain's, looked up once; a failed look-up is tried again on the next call.</summary>
    private Task<AWSCredentials> CredentialsAsync()
    {
        if (_given is not null)
        {
            return Task.FromResult(_given);
        }

        lock (_gate)
        {
            if (_resolved is null || _resolved.IsFaulted || _resolved.IsCanceled)
            {
                _resolved = ResolveDefaultAsync();
            }

            return _resolved;
        }
    }

    /// <inheritdoc/>
    public async ValueTask SignAsync(HttpRequestMessage request, byte[] body, string region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signing = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = request.RequestUri,
            Content = body,
        };
        foreach (var header in request.Headers)
        {
            signing.Headers[header.Key] = string.Join(",", header.Value);
        }

        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                signing.Headers[header.Key] = string.Join(",", header.Value);
            }
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = await CredentialsAsync().ConfigureAwait(false),
            Region = RegionEndpoint.GetBySystemName(region),
            Service = _service,
            // Without payload signing the SDK signs the literal UNSIGNED-PAYLOAD, which only S3
            // accepts; Cognito (like every other JSON service) computes the body's real SHA-256
            // and answers InvalidSignatureException. The body is already in memory, so hashing is cheap.
            SignPayload = true,
            SignedAt = _timeProvider.GetUtcNow().UtcDateTime,
        };

        AWSSigningResult result;
        try
        {
            result = await AWSSigV4Signer.SignAsync(signing, parameters, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException e)
        {
            throw new CognitoConfigurationException("Signing the request failed: the AWS credentials could not be used.", e);
        }

        foreach (var (name, value) in result.Headers)
        {
            if (string.Equals(name, "Host", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }

    private static async Task<AWSCredentials> ResolveDefaultAsync()
    {
        try
        {
            return await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null).ConfigureAwait(false);
        }
        catch (AmazonClientException e)
        {
            throw new CognitoConfigurationException(
                "This operation needs AWS credentials (it is an IAM-authorized admin operation) and none were found in the default chain: set Credentials, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, or a container/instance role.", e);
        }
    }
}
