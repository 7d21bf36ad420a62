using Cognito.Client.Model;

namespace Cognito.Client.Grains;

/// <summary>
/// The user's sessions (see <see cref="CognitoSessions"/>), on the user's own key
/// <c>{pool}/{username}</c>: list them, end one, or end all with <see cref="IUserSession.LogoutAsync"/>.
/// </summary>
[Alias("Cognito.IUserSessions")]
public interface IUserSessions : IGrainWithStringKey
{
    /// <summary>The user's live sessions started through session keys, oldest first.</summary>
    [Alias("ListSessions")]
    Task<IReadOnlyList<SessionSummary>> ListSessionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Ends one session (RevokeToken on its refresh token); the others go on. Unknown handles are ignored.</summary>
    [Alias("EndSession")]
    Task EndSessionAsync(string handle, CancellationToken cancellationToken = default);
}
