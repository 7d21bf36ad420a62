namespace Cognito.AspNetCore.Revocation;

/// <summary>Which pool's ended-sessions log a front end follows, and how often.</summary>
public sealed class CognitoRevocationOptions
{
    /// <summary>The pool's configured name in the silo (<c>Cognito:Pools:{name}</c>), <c>main</c> by default.</summary>
    public string Pool { get; set; } = "main";

    /// <summary>
    /// How often the log is read: 2 seconds by default, so a session ended on one front end is refused
    /// on every other within about that long. One small grain call per front end per interval.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
