using System.Collections.Concurrent;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// cognito-local's challenge sessions seen passing through, so the front knows whose login each
/// answer continues. An entry stays until the challenge is passed: a wrong MFA code may be retried
/// under the same session.
/// </summary>
internal sealed class UpstreamLogins
{
    private readonly ConcurrentDictionary<string, UpstreamLogin> _logins = new(StringComparer.Ordinal);

    public void Add(string? session, UpstreamLogin login)
    {
        if (!string.IsNullOrEmpty(session))
        {
            _logins[session] = login;
        }
    }

    public UpstreamLogin? Find(string? session) => session is not null ? _logins.GetValueOrDefault(session) : null;

    public void Remove(string? session)
    {
        if (session is not null)
        {
            _logins.TryRemove(session, out _);
        }
    }
}
