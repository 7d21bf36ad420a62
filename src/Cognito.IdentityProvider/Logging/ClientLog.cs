using Microsoft.Extensions.Logging;

namespace Cognito.IdentityProvider.Logging;

/// <summary>The wire client's log lines. They name operations and error codes only, never request or response bodies.</summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Cognito {Operation} sent (attempt {Attempt}).")]
    public static partial void Sending(ILogger logger, string operation, int attempt);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Cognito {Operation} failed transiently with {ErrorCode}; retry {Attempt} after {Delay}.")]
    public static partial void Retrying(ILogger logger, string operation, string errorCode, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Cognito {Operation} answered {ErrorCode}.")]
    public static partial void Failed(ILogger logger, string operation, string errorCode);
}
