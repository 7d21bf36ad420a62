using Cognito.IdentityProvider.Configuration;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Logging;
using Cognito.IdentityProvider.Telemetry;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Cognito.IdentityProvider;

/// <summary>The retry and timeout pipeline every call runs in: total timeout, then retries of what may be resent (each past the retry gate, when one is set); the per-attempt timeout is a pipeline of its own.</summary>
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
                ShouldHandle = args => ValueTask.FromResult(
                    !args.Context.Properties.TryGetValue(GateRefused, out _) && RetrySafety.MayResend(args.Context.OperationKey, args.Outcome.Exception)),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is { } last)
                    {
                        args.Context.Properties.Set(LastFailure, last);
                    }

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

        return builder.Build();
    }

    // Apart from the retries, so that waiting at the retry gate does not count against an attempt's time.
    private static ResiliencePipeline BuildAttempt(CognitoIdentityProviderOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.AttemptTimeout > TimeSpan.Zero && options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.AttemptTimeout);
        }

        return builder.Build();
    }
}
