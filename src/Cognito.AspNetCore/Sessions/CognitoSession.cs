using Cognito.Client;
using Cognito.Client.Grains;

namespace Cognito.AspNetCore.Sessions;

/// <summary>
/// The signed-in browser's own session, for the rest of the request (<c>HttpContext.GetCognitoSession()</c>):
/// its grain is called with the session id the cookie proved, so a page never handles the id.
/// </summary>
public sealed class CognitoSession
{
    private readonly IGrainFactory _grains;
    private readonly CognitoSessionReference _reference;

    internal CognitoSession(IGrainFactory grains, string pool, CognitoSessionReference reference)
    {
        _grains = grains;
        _reference = reference;
        Pool = pool;
    }

    /// <summary>The pool's configured name.</summary>
    public string Pool { get; }

    /// <summary>The username the session was signed in with (its grain key).</summary>
    public string Username => _reference.Username;

    /// <summary>The session's public handle, as <c>ListSessionsAsync</c> shows it (to mark "this device").</summary>
    public string Handle => _reference.Handle;

    /// <summary>The user's own grain: list and end the user's sessions.</summary>
    public ICognitoUserGrain User => _grains.GetCognitoUser(Pool, Username);

    internal CognitoSessionReference Reference => _reference;

    /// <summary>Calls this session's grain with its id: tokens, profile, password, MFA, devices, sign-out.</summary>
    public async Task<T> CallAsync<T>(Func<ICognitoUserGrain, Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        using (CognitoSessions.Enter(_reference.SessionId))
        {
            return await call(_grains.GetCognitoSession(Pool, Username, _reference.SessionId));
        }
    }

    /// <summary>Calls this session's grain with its id.</summary>
    public Task CallAsync(Func<ICognitoUserGrain, Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return CallAsync(async grain =>
        {
            await call(grain);
            return true;
        });
    }

    /// <summary>Never shows the session id.</summary>
    public override string ToString() => $"CognitoSession {{ Pool = {Pool}, Username = {Username}, Handle = {Handle} }}";
}
