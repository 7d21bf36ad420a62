using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Logging;
using Cognito.IdentityProvider.Serialization;
using Cognito.IdentityProvider.Signing;
using Cognito.IdentityProvider.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Timeout;

namespace Cognito.IdentityProvider;

/// <summary>
/// The Cognito Identity Provider API over <see cref="HttpClient"/>: JSON 1.1, <c>POST /</c>,
/// <c>X-Amz-Target: AWSCognitoIdentityProviderService.&lt;Operation&gt;</c>. Requests are checked
/// against the model before they leave; unsigned operations never carry credentials; transient
/// failures are retried with jittered exponential back-off within the configured bounds.
/// Thread-safe: one instance serves any number of concurrent calls.
/// </summary>
public sealed partial class CognitoIdentityProviderClient : ICognitoIdentityProvider
{
    private const string TargetPrefix = "AWSCognitoIdentityProviderService.";
    private static readonly ResiliencePropertyKey<Exception> LastFailure = new("cognito.last-failure");
    private static readonly ResiliencePropertyKey<bool> GateRefused = new("cognito.retry-gate-refused");
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");

    private readonly HttpClient _http;
    private readonly CognitoEndpoint _endpoint;
    private readonly CognitoIdentityProviderOptions _options;
    private readonly IAwsRequestSigner _signer;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly ResiliencePipeline _attempt;

    /// <summary>A client sending through <paramref name="httpClient"/>, signing with <paramref name="signer"/> (default: SigV4 with <see cref="CognitoIdentityProviderOptions.Credentials"/> or the SDK's default chain).</summary>
    public CognitoIdentityProviderClient(
        HttpClient httpClient,
        CognitoIdentityProviderOptions options,
        IAwsRequestSigner? signer = null,
        ILogger<CognitoIdentityProviderClient>? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _http = httpClient;
        _options = options;
        _endpoint = CognitoEndpoint.Resolve(options);
        _signer = signer ?? new SigV4RequestSigner(options.Credentials, timeProvider);
        _logger = logger ?? NullLogger<CognitoIdentityProviderClient>.Instance;
        _pipeline = BuildPipeline(options, timeProvider ?? TimeProvider.System);
        _attempt = BuildAttempt(options, timeProvider ?? TimeProvider.System);
    }

    /// <summary>The URL calls go to.</summary>
    public Uri ServiceUrl => _endpoint.ServiceUrl;

    private async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        CognitoOperation operation,
        TRequest request,
        Action<TRequest, ModelValidator> validate,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        var body = Prepare(operation, request, validate, requestType);
        var answer = await SendAsync(operation, body, cancellationToken).ConfigureAwait(false);
        return Deserialize(operation, answer, responseType);
    }

    private async Task InvokeAsync<TRequest>(
        CognitoOperation operation,
        TRequest request,
        Action<TRequest, ModelValidator> validate,
        JsonTypeInfo<TRequest> requestType,
        CancellationToken cancellationToken)
    {
        var body = Prepare(operation, request, validate, requestType);
        await SendAsync(operation, body, cancellationToken).ConfigureAwait(false);
    }

    private static byte[] Prepare<TRequest>(CognitoOperation operation, TRequest request, Action<TRequest, ModelValidator> validate, JsonTypeInfo<TRequest> requestType)
    {
        ArgumentNullException.ThrowIfNull(request);
        validate(request, new ModelValidator(operation.Name));
        return JsonSerializer.SerializeToUtf8Bytes(request, requestType);
    }

    // The one place every call passes: its span, its latency and its outcome are measured here, retries included.
    private async Task<byte[]> SendAsync(CognitoOperation operation, byte[] body, CancellationToken cancellationToken)
    {
        using var activity = ClientInstruments.Source.HasListeners() ? ClientInstruments.Source.StartActivity("Cognito " + operation.Name, ActivityKind.Client) : null;
        activity?.SetTag("rpc.system", "aws-api");
        activity?.SetTag("rpc.service", "CognitoIdentityProvider");
        activity?.SetTag("rpc.method", operation.Name);
        activity?.SetTag(CognitoTelemetry.OperationTag, operation.Name);
        var started = Stopwatch.GetTimestamp();
        var outcome = CognitoTelemetry.Success;
        var context = ResilienceContextPool.Shared.Get(operation.Name, cancellationToken);
        try
        {
            var attempt = 0;
            return await _pipeline.ExecuteAsync(
                async (ctx, state) =>
                {
                    attempt++;
                    if (attempt > 1 && state.self._options.RetryGate is { } gate && ctx.Properties.TryGetValue(LastFailure, out var failure)
                        && !await gate.WaitToRetryAsync(state.operation.Name, failure, ctx.CancellationToken).ConfigureAwait(false))
                    {
                        // No room for another attempt: the caller gets the last attempt's error, and it is not retried again.
                        ctx.Properties.Set(GateRefused, true);
                        ExceptionDispatchInfo.Throw(failure);
                    }

                    ClientLog.Sending(_logger, state.operation.Name, attempt);
                    return await state.self._attempt.ExecuteAsync(
                        static (s, cancellationToken) => new ValueTask<byte[]>(s.self.SendOnceAsync(s.operation, s.body, cancellationToken)),
                        state,
                        ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                (self: this, operation, body)).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            outcome = CognitoTimeoutException.Code;
            throw new CognitoTimeoutException($"Cognito {operation.Name} did not answer within the configured timeout.", e);
        }
        catch (Exception e)
        {
            outcome = CognitoTelemetry.OutcomeOf(e);
            if (e is CognitoException error)
            {
                ClientLog.Failed(_logger, operation.Name, error.ErrorCode);
            }

            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            ClientInstruments.Duration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new(CognitoTelemetry.OperationTag, operation.Name),
                new(CognitoTelemetry.OutcomeTag, outcome));
            if (activity is not null)
            {
                activity.SetTag(CognitoTelemetry.OutcomeTag, outcome);
                if (outcome != CognitoTelemetry.Success)
                {
                    // The code only: a message may quote what the server was sent.
                    activity.SetStatus(ActivityStatusCode.Error, outcome);
                }
            }
        }
    }

    private async Task<byte[]> SendOnceAsync(CognitoOperation operation, byte[] body, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint.ServiceUrl);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", TargetPrefix + operation.Name);
        message.Content = new ByteArrayContent(body);
        message.Content.Headers.ContentType = JsonContentType;

        if (operation.RequiresSigning)
        {
            var region = _endpoint.Region
                ?? throw new CognitoConfigurationException($"{operation.Name} is signed with SigV4, which needs a region: set Region or UserPoolId.");
            await _signer.SignAsync(message, body, region, cancellationToken).ConfigureAwait(false);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new CognitoTransportException($"Cognito {operation.Name} could not be sent: {e.HttpRequestError}.", e);
        }

        using (response)
        {
            byte[] payload;
            try
            {
                payload = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                throw new CognitoTransportException($"The connection broke while Cognito {operation.Name} answered.", e);
            }

            if (response.IsSuccessStatusCode)
            {
                return payload;
            }

            var error = ParseError(operation, response, payload);
            if (error is TooManyRequestsException or CognitoServiceException { StatusCode: HttpStatusCode.TooManyRequests })
            {
                ClientInstruments.Throttles.Add(1, new KeyValuePair<string, object?>(CognitoTelemetry.OperationTag, operation.Name));
            }

            throw error;
        }
    }

    private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var limit = _options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength is { } declared && declared > limit)
        {
            throw new CognitoProtocolException($"The response is {declared} bytes, more than the {limit} allowed.");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw new CognitoProtocolException($"The response is larger than the {limit} bytes allowed.");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private static CognitoException ParseError(CognitoOperation operation, HttpResponseMessage response, byte[] payload)
    {
        var status = response.StatusCode;
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
        string? code = response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.FirstOrDefault() : null;
        string? message = null;

        if (payload.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(payload);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        if (property.Value.ValueKind != JsonValueKind.String)
                        {
                            continue;
                        }

                        if (property.NameEquals("__type") || (code is null && property.Name.Equals("code", StringComparison.OrdinalIgnoreCase)))
                        {
                            code = property.Value.GetString();
                        }
                        else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase))
                        {
                            message = property.Value.GetString();
                        }
                    }
                }
            }
            catch (JsonException) when (code is null && (int)status < 500)
            {
                return new CognitoProtocolException($"Cognito {operation.Name} failed with HTTP {(int)status} and a body that is not JSON.");
            }
            catch (JsonException)
            {
                // A 5xx with a non-JSON body (a proxy's error page) is still a server error; keep the status.
            }
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            if ((int)status < 500 && status != HttpStatusCode.TooManyRequests)
            {
                return new CognitoProtocolException($"Cognito {operation.Name} failed with HTTP {(int)status} and named no error.");
            }

            code = CognitoTransience.UnknownErrorCode;
        }

        return CognitoErrorCatalog.Create(code, message, status, requestId);
    }

    private static TResponse Deserialize<TResponse>(CognitoOperation operation, byte[] payload, JsonTypeInfo<TResponse> responseType)
    {
        // Operations with an empty output answer with nothing or "{}".
        ReadOnlySpan<byte> json = payload.Length == 0 ? "{}"u8 : payload;
        try
        {
            return JsonSerializer.Deserialize(json, responseType)
                ?? throw new CognitoProtocolException($"Cognito {operation.Name} answered null.");
        }
        catch (JsonException e)
        {
            throw new CognitoProtocolException($"Cognito {operation.Name} answered with JSON this client cannot read (truncated or not the {typeof(TResponse).Name} shape).", e);
        }
    }
}
