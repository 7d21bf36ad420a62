using Microsoft.Extensions.Logging;

namespace Cognito.IdentityProvider.Logging;

/// <summary>The token verifier's log lines. They never carry a token or anything read from one.</summary>
internal static partial class TokenLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Downloaded the JWKS from {JwksUri}: {KeyCount} RS256 key(s).")]
    public static partial void JwksDownloaded(ILogger logger, Uri jwksUri, int keyCount);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "The JWKS could not be downloaded from {JwksUri}.")]
    public static partial void JwksDownloadFailed(ILogger logger, Uri jwksUri, Exception exception);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "A token names a key that is not in the JWKS; refetching from {JwksUri}.")]
    public static partial void RefetchingForUnknownKey(ILogger logger, Uri jwksUri);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "A token names a key that is not in the JWKS; a download within the last {Interval} did not have it either, so no new one.")]
    public static partial void UnknownKeyInPenaltyBox(ILogger logger, TimeSpan interval);
}
