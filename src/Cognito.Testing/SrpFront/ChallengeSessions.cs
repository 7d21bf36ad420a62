using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// The front's pending challenges. A session is single-use (taking it removes it, so two racing
/// answers cannot both succeed) and expires. PASSWORD_VERIFIER answers without a Session are found
/// by their secret block, which is unique per challenge.
/// </summary>
internal sealed class ChallengeSessions(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, PendingChallenge> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _bySecretBlock = new(StringComparer.Ordinal);

    /// <summary>An opaque session token, as long and as random as AWS's.</summary>
    public static string NewSessionId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(192));

    public void Add(PendingChallenge challenge)
    {
        Purge();
        _sessions[challenge.Session] = challenge;
        if (challenge is PasswordVerifierChallenge verifier)
        {
            _bySecretBlock[Convert.ToBase64String(verifier.SecretBlock)] = challenge.Session;
        }
    }

    public string? SessionOfSecretBlock(string? secretBlock) =>
        secretBlock is not null && _bySecretBlock.TryGetValue(secretBlock, out var session) ? session : null;

    /// <summary>The pending challenge of that kind, without using it up; null when unknown or expired.</summary>
    public T? Peek<T>(string? session)
        where T : PendingChallenge =>
        session is not null && _sessions.TryGetValue(session, out var pending) && pending is T typed && typed.ExpiresAt > clock.GetUtcNow() ? typed : null;

    /// <summary>Uses the session up; null when another answer took it first, or it is unknown or expired.</summary>
    public T? Take<T>(string? session)
        where T : PendingChallenge
    {
        if (session is null || !_sessions.TryGetValue(session, out var pending) || pending is not T typed)
        {
            return null;
        }

        if (!_sessions.TryRemove(new KeyValuePair<string, PendingChallenge>(session, pending)))
        {
            return null;
        }

        if (typed is PasswordVerifierChallenge verifier)
        {
            _bySecretBlock.TryRemove(Convert.ToBase64String(verifier.SecretBlock), out _);
        }

        return typed.ExpiresAt > clock.GetUtcNow() ? typed : null;
    }

    /// <summary>Replaces a pending challenge with its next state (one attempt fewer); false when another answer took or changed it first.</summary>
    public bool Replace(PendingChallenge current, PendingChallenge next) => _sessions.TryUpdate(current.Session, next, current);

    private void Purge()
    {
        var now = clock.GetUtcNow();
        foreach (var (session, pending) in _sessions)
        {
            if (pending.ExpiresAt <= now && _sessions.TryRemove(new KeyValuePair<string, PendingChallenge>(session, pending)) && pending is PasswordVerifierChallenge verifier)
            {
                _bySecretBlock.TryRemove(Convert.ToBase64String(verifier.SecretBlock), out _);
            }
        }
    }
}
