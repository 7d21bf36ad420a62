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

    /// <summary>
    /// On a session key, inside <c>CognitoSessions.Enter(id)</c>: what the front end knows of the client
    /// behind this session, shown by <see cref="ListSessionsAsync"/>. Each call replaces the last; call it
    /// after the sign-in (and again when the client's address changes, if you want the latest one shown).
    /// </summary>
    /// <exception cref="Cognito.IdentityProvider.Errors.InvalidParameterException">A field is too long or malformed, or this is not a session key.</exception>
    /// <exception cref="Errors.NotSignedInException">The session holds no sign-in.</exception>
    [Alias("DescribeClient")]
    Task DescribeClientAsync(SessionClientInfo client, CancellationToken cancellationToken = default);
}
