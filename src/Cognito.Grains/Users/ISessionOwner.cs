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
}
