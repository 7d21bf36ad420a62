namespace Cognito.Grains.Users;

/// <summary>
/// How a grain that learned it is an alias hands a session (tokens or a pending challenge) to the
/// grain of the internal username, so one user never has two grains holding competing sessions.
/// </summary>
[Alias("Cognito.ISessionOwner")]
internal interface ISessionOwner : IGrainWithStringKey
{
    [Alias("Adopt")]
    Task AdoptAsync(string username, StoredTokens? tokens, StoredChallenge? challenge, StoredDevice? newDevice);

    /// <summary>
    /// Whether this user still answers to <paramref name="alias"/> (per Cognito's GetUser, read at
    /// most once per AliasRecheckInterval): until when the link may be trusted, or null to drop it.
    /// </summary>
    [Alias("ConfirmAlias")]
    Task<DateTimeOffset?> ConfirmAliasAsync(string alias, CancellationToken cancellationToken);

    /// <summary>The remembered device, for a sign-in through an alias of this user.</summary>
    [Alias("Device")]
    Task<StoredDevice?> GetDeviceAsync();
}
