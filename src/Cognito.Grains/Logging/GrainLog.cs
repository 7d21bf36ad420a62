using Microsoft.Extensions.Logging;

namespace Cognito.Grains.Logging;

/// <summary>The grains' log lines: keys, usernames, operations and error codes only, never tokens, passwords or codes.</summary>
internal static partial class GrainLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "User {Key} signed in.")]
    public static partial void SignedIn(ILogger logger, string key);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "User {Key} refreshed its tokens; they expire at {ExpiresAt}.")]
    public static partial void Refreshed(ILogger logger, string key, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "User {Key} could not refresh ({ErrorCode}); retrying in {Delay}.")]
    public static partial void RefreshRetry(ILogger logger, string key, string errorCode, TimeSpan delay);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "User {Key}: Cognito refused the refresh token ({ErrorCode}); the session has ended.")]
    public static partial void SessionEnded(ILogger logger, string key, string errorCode);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "User {Key} handed its session to {Owner}.")]
    public static partial void HandedOver(ILogger logger, string key, string owner);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "User {Key} signed out.")]
    public static partial void SignedOut(ILogger logger, string key);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "User {Key} is no longer an alias of {Owner}; the link is dropped.")]
    public static partial void AliasDropped(ILogger logger, string key, string owner);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Debug, Message = "User {Key}: the refresh budget deferred the timer's refresh by {Delay}.")]
    public static partial void RefreshDeferred(ILogger logger, string key, TimeSpan delay);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "The refresh budget is shared among {Silos} active silos.")]
    public static partial void BudgetShared(ILogger logger, int silos);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "The refresh budget of {Category} is {Rate} per second for the cluster: the account's provisioned limit is {Provisioned}, the configured rate {Configured}.")]
    public static partial void ProvisionedLimitApplied(ILogger logger, string category, double rate, int provisioned, double configured);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "The account's provisioned limit of {Category} could not be read ({ErrorCode}); the refresh budget keeps the configured rate.")]
    public static partial void ProvisionedLimitUnread(ILogger logger, string category, string errorCode);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "User {Key}'s session ended, but the pool's ended-sessions log could not be told ({ErrorType}): front ends may accept its unexpired tokens until they expire.")]
    public static partial void EndedSessionNotLogged(ILogger logger, string key, string errorType);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Information, Message = "User {Key}'s session reached its {Limit} and was ended.")]
    public static partial void SessionLimitReached(ILogger logger, string key, string limit);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Warning, Message = "User {Key}: a session beyond the per-user maximum could not be ended ({ErrorCode}); the next sign-in tries again.")]
    public static partial void OldestSessionNotEnded(ILogger logger, string key, string errorCode);
}
