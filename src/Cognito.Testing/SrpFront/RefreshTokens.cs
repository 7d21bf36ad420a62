using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// Refresh tokens the front issues or retires: aliases for cognito-local tokens, and tokens rotated
/// out (usable until their grace period ends). Rotated tokens look like AWS's (an encrypted JWT,
/// five parts) so that nothing can decode them.
/// </summary>
internal sealed class RefreshTokens(TimeProvider clock, TokenLedger ledger)
{
    private static readonly string JweHeader = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}"""));

    private readonly ConcurrentDictionary<string, RefreshAlias> _aliases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _retiredUntil = new(StringComparer.Ordinal);

    public RefreshAlias? AliasOf(string token) => _aliases.GetValueOrDefault(token);

    /// <summary>Makes <paramref name="token"/> (already issued and observed) stand for <paramref name="upstreamToken"/>.</summary>
    public void AddAlias(string token, string upstreamToken, string userPoolId, string username, long sequence) =>
        _aliases[token] = new RefreshAlias(upstreamToken, userPoolId, username, sequence);

    /// <summary>A new front token for the same cognito-local token, issued now.</summary>
    public string Issue(string upstreamToken, string userPoolId, string username)
    {
        var token = string.Join('.', JweHeader, Random(256), Random(12), Random(600), Random(16));
        _aliases[token] = new RefreshAlias(upstreamToken, userPoolId, username, ledger.Stamp());
        return token;
    }

    /// <summary>
    /// Retires a token being rotated out. Only one rotation of a token wins outright; a second use
    /// is allowed only within the grace period, like Cognito's RetryGracePeriodSeconds.
    /// </summary>
    public bool TryRetire(string token, TimeSpan gracePeriod)
    {
        var now = clock.GetUtcNow();
        return _retiredUntil.TryAdd(token, now + gracePeriod) || now < _retiredUntil[token];
    }

    /// <summary>Whether the token was rotated out and its grace period is over.</summary>
    public bool IsRetired(string token) => _retiredUntil.TryGetValue(token, out var until) && clock.GetUtcNow() >= until;

    private static string Random(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
