using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// SRP verifiers per (pool, internal username), derived from passwords seen passing through the
/// front. With a file they are also written there (and read back at start), so a front restarted
/// over a kept cognito-local data directory still serves the SRP login of users created before.
/// </summary>
internal sealed class CredentialStore
{
    private readonly ConcurrentDictionary<(string Pool, string Username), UserCredential> _credentials = new();
    private readonly string? _file;
    private readonly object _writeGate = new();

    public CredentialStore(string? file = null)
    {
        _file = file;
        if (file is null || !File.Exists(file))
        {
            return;
        }

        foreach (var saved in JsonSerializer.Deserialize(File.ReadAllText(file), FrontJsonContext.Default.ListSavedCredential) ?? [])
        {
            _credentials[(saved.UserPoolId, saved.Username)] = new UserCredential(SrpGroup.FromHex(saved.Salt), SrpGroup.FromHex(saved.Verifier), saved.Password);
        }
    }

    /// <summary>Derives a fresh salt and verifier for a password cognito-local has just accepted.</summary>
    public void Set(string userPoolId, string username, string password)
    {
        // 16 random bytes read as a non-negative integer; pad() adds the zero byte Java would.
        var salt = SrpGroup.ToUnsigned(RandomNumberGenerator.GetBytes(16));
        var verifier = SrpGroup.ComputeVerifier(salt, PoolInfo.PoolNameOf(userPoolId), username, password);
        _credentials[(userPoolId, username)] = new UserCredential(salt, verifier, password);
        Save();
    }

    public UserCredential? Get(string userPoolId, string username) => _credentials.GetValueOrDefault((userPoolId, username));

    public void Remove(string userPoolId, string username)
    {
        if (_credentials.TryRemove((userPoolId, username), out _))
        {
            Save();
        }
    }

    private void Save()
    {
        if (_file is null)
        {
            return;
        }

        // The password is kept beside cognito-local's own data, which holds it in clear too: the front needs it to get real tokens.
        lock (_writeGate)
        {
            var saved = _credentials.Select(c => new SavedCredential(c.Key.Pool, c.Key.Username, SrpGroup.ToHex(c.Value.Salt), SrpGroup.ToHex(c.Value.Verifier), c.Value.Password)).ToList();
            var temporary = _file + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(saved, FrontJsonContext.Default.ListSavedCredential));
            File.Move(temporary, _file, overwrite: true);
        }
    }
}
