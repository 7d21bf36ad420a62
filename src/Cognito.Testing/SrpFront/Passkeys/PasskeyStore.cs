using System.Collections.Concurrent;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// Users' passkeys and their pending registrations, by pool and internal username. Each user's
/// list changes under its own lock, so a signature counter can never go back under concurrent sign-ins.
/// </summary>
internal sealed class PasskeyStore
{
    private readonly ConcurrentDictionary<(string Pool, string User), List<StoredPasskey>> _passkeys = new();
    private readonly ConcurrentDictionary<(string Pool, string User), PendingRegistration> _registrations = new();

    public IReadOnlyList<StoredPasskey> List(string pool, string user)
    {
        var list = _passkeys.GetValueOrDefault((pool, user));
        if (list is null)
        {
            return [];
        }

        lock (list)
        {
            return [.. list];
        }
    }

    public StoredPasskey? Find(string pool, string user, string credentialId) =>
        List(pool, user).FirstOrDefault(p => p.CredentialId == credentialId);

    /// <summary>Adds a passkey; false when the credential id is already registered in the pool, to this user or another.</summary>
    public bool Add(string pool, string user, StoredPasskey passkey)
    {
        if (_passkeys.Where(entry => entry.Key.Pool == pool).Any(entry => List(entry.Key.Pool, entry.Key.User).Any(p => p.CredentialId == passkey.CredentialId)))
        {
            return false;
        }

        var list = _passkeys.GetOrAdd((pool, user), _ => []);
        lock (list)
        {
            if (list.Any(p => p.CredentialId == passkey.CredentialId))
            {
                return false;
            }

            list.Add(passkey);
            return true;
        }
    }

    public bool Remove(string pool, string user, string credentialId)
    {
        var list = _passkeys.GetValueOrDefault((pool, user));
        if (list is null)
        {
            return false;
        }

        lock (list)
        {
            return list.RemoveAll(p => p.CredentialId == credentialId) > 0;
        }
    }

    /// <summary>Moves the counter forward to <paramref name="signCount"/>; false when another sign-in already reached it (a replay or a cloned authenticator).</summary>
    public bool Advance(string pool, string user, string credentialId, uint signCount)
    {
        var list = _passkeys.GetValueOrDefault((pool, user));
        if (list is null)
        {
            return false;
        }

        lock (list)
        {
            var index = list.FindIndex(p => p.CredentialId == credentialId);
            if (index < 0 || !(signCount > list[index].SignCount || (signCount == 0 && list[index].SignCount == 0)))
            {
                return false;
            }

            list[index] = list[index] with { SignCount = signCount };
            return true;
        }
    }

    public void RemoveUser(string pool, string user)
    {
        _passkeys.TryRemove((pool, user), out _);
        _registrations.TryRemove((pool, user), out _);
    }

    public void StartRegistration(string pool, string user, PendingRegistration pending) => _registrations[(pool, user)] = pending;

    /// <summary>Uses the user's pending registration up (a challenge answers once); null when there is none.</summary>
    public PendingRegistration? TakeRegistration(string pool, string user) =>
        _registrations.TryRemove((pool, user), out var pending) ? pending : null;
}
