using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Logging;
using Cognito.IdentityProvider.Telemetry;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Cognito.IdentityProvider;

/// <summary>The retry and timeout pipeline every call runs in: total timeout, then retries of what may be resent, then the per-attempt timeout.</summary>
public sealed partial class CognitoIdentityProviderClient
{
    private ResiliencePipeline BuildPipeline(CognitoIdentityProviderOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.TotalTimeout > TimeSpan.Zero && options.TotalTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.TotalTimeout);
        }

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(RetrySafety.MayResend(args.Context.OperationKey, args.Outcome.Exception)),
                OnRetry = args =>
                {
                    var code = args.Outcome.Exception switch
                    {
                        CognitoException e => e.ErrorCode,
                        TimeoutRejectedException => CognitoTimeoutException.Code,
                        _ => "Unknown",
                    };
                    ClientLog.Retrying(_logger, args.Context.OperationKey ?? "?", code, args.AttemptNumber + 1, args.RetryDelay);
                    ClientInstruments.Retries.Add(
                        1,
                        new(CognitoTelemetry.OperationTag, args.Context.OperationKey),
                        new(CognitoTelemetry.OutcomeTag, args.Outcome.Exception is { } failure ? CognitoTelemetry.OutcomeOf(failure) : CognitoTelemetry.UnexpectedError));
                    return default;
                },
            });
        }

        if (options.AttemptTimeout > TimeSpan.Zero && options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.AttemptTimeout);
        }

        return builder.Build();
    }
}
