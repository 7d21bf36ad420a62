using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Cognito.Testing.SrpFront;

/// <summary>SRP verifiers per (pool, internal username), derived from passwords seen passing through the front.</summary>
internal sealed class CredentialStore
{
    private readonly ConcurrentDictionary<(string Pool, string Username), UserCredential> _credentials = new();

    /// <summary>Derives a fresh salt and verifier for a password cognito-local has just accepted.</summary>
    public void Set(string userPoolId, string username, string password)
    {
        // 16 random bytes read as a non-negative integer; pad() adds the zero byte Java would.
        var salt = SrpGroup.ToUnsigned(RandomNumberGenerator.GetBytes(16));
        var verifier = SrpGroup.ComputeVerifier(salt, PoolInfo.PoolNameOf(userPoolId), username, password);
        _credentials[(userPoolId, username)] = new UserCredential(salt, verifier, password);
    }

    public UserCredential? Get(string userPoolId, string username) => _credentials.GetValueOrDefault((userPoolId, username));

    public void Remove(string userPoolId, string username) => _credentials.TryRemove((userPoolId, username), out _);
}
