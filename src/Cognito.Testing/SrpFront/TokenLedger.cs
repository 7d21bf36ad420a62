using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// Orders token issuance against global sign-outs. Every token the front sees issued gets a
/// position in one sequence; a sign-out records the position it happened at. A sequence rather
/// than clock time, because cognito-local's <c>iat</c> has whole seconds and a sign-out followed
/// by a new login within the same second must not revoke the new tokens.
/// </summary>
internal sealed class TokenLedger(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, long> _issued = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Pool, string Username), SignOutMark> _signOuts = new();
    private long _sequence;

    public long Stamp() => Interlocked.Increment(ref _sequence);

    /// <summary>Records the tokens of an <c>AuthenticationResult</c>.</summary>
    public void Observe(JsonObject? authenticationResult)
    {
        foreach (var name in (string[])["AccessToken", "IdToken", "RefreshToken"])
        {
            if (TokenClaims.TryRead(authenticationResult.Str(name))?.Jti is { } jti)
            {
                _issued.TryAdd(jti, Stamp());
            }
        }
    }

    public long? SequenceOf(TokenClaims claims) => claims.Jti is { } jti && _issued.TryGetValue(jti, out var sequence) ? sequence : null;

    public void SignOut(string userPoolId, string username) => _signOuts[(userPoolId, username)] = new SignOutMark(Stamp(), clock.GetUtcNow());

    public DateTimeOffset? SignedOutAt(string userPoolId, string username) => _signOuts.TryGetValue((userPoolId, username), out var mark) ? mark.At : null;

    /// <summary>Whether a token of that user, issued at <paramref name="sequence"/> (or, unseen, at <paramref name="issuedAt"/>), predates their last sign-out.</summary>
    public bool IsRevoked(string? userPoolId, string? username, long? sequence, DateTimeOffset? issuedAt)
    {
        if (userPoolId is null || username is null || !_signOuts.TryGetValue((userPoolId, username), out var mark))
        {
            return false;
        }

        if (sequence is { } position)
        {
            return position < mark.Sequence;
        }

        // An unseen token: whole-second iat, so one issued in the sign-out's second counts as before it.
        return issuedAt is { } at && at.ToUnixTimeSeconds() <= mark.At.ToUnixTimeSeconds();
    }

    public bool IsRevoked(TokenClaims claims) => IsRevoked(claims.UserPoolId, claims.Username, SequenceOf(claims), claims.IssuedAt);
}
