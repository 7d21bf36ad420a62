using System.Security.Cryptography;
using System.Text;
using Cognito.IdentityProvider.Errors;

namespace Cognito.Client.Grains;

/// <summary>
/// One user, many sessions: each sign-in of a front end can be its own session, held by its own
/// grain activation keyed <c>{pool}/{username} #{handle}</c>. The handle is the SHA-256 of an
/// opaque, random session id; the id itself never appears in a grain key (Orleans logs keys), and
/// every call to a session key must carry the id (<see cref="Enter"/>), so a key read from a log
/// opens nothing.
/// </summary>
public static class CognitoSessions
{
    /// <summary>Between the user key and the session handle.</summary>
    public const string HandleSeparator = " #";

    /// <summary>The request-context entry that carries the session id to the session's grain.</summary>
    public const string ContextKey = "cognito-session-id";

    private const int MinimumIdLength = 22; // 22 base64url characters: 132 bits.

    /// <summary>A new session id: 256 random bits, base64url. Never derived from tokens.</summary>
    public static string NewId() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The public handle of a session id: what listings show and grain keys carry.</summary>
    public static string HandleOf(string sessionId)
    {
        Validate(sessionId);
        return Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(sessionId)));
    }

    /// <summary>The grain key of <paramref name="username"/>'s session <paramref name="sessionId"/>.</summary>
    public static string Key(string pool, string username, string sessionId) =>
        KeyOf(GrainKeys.User(pool, username), HandleOf(sessionId));

    /// <summary>The session key of the session <paramref name="handle"/> under the user key <paramref name="userKey"/>.</summary>
    public static string KeyOf(string userKey, string handle) => userKey + HandleSeparator + handle;

    /// <summary>
    /// Makes the grain calls in the current async flow carry <paramref name="sessionId"/>; dispose
    /// to stop. A session key refuses calls that do not carry its id.
    /// </summary>
    public static IDisposable Enter(string sessionId)
    {
        Validate(sessionId);
        var previous = RequestContext.Get(ContextKey);
        RequestContext.Set(ContextKey, sessionId);
        return new Scope(previous);
    }

    /// <summary>The user key and session handle of a grain key, or null handle for a plain user key.</summary>
    public static (string UserKey, string? Handle) Split(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = key.LastIndexOf(HandleSeparator, StringComparison.Ordinal);
        return at < 0 ? (key, null) : (key[..at], key[(at + HandleSeparator.Length)..]);
    }

    /// <summary>Whether <paramref name="sessionId"/> is the id behind <paramref name="handle"/>, in constant time.</summary>
    public static bool Proves(string? sessionId, string handle)
    {
        if (sessionId is null || !IsWellFormed(sessionId))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HandleOf(sessionId)), Encoding.ASCII.GetBytes(handle));
    }

    private static void Validate(string sessionId)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        if (!IsWellFormed(sessionId))
        {
            throw new InvalidParameterException($"A session id is at least {MinimumIdLength} base64url characters (use CognitoSessions.NewId()).");
        }
    }

    private static bool IsWellFormed(string sessionId) =>
        sessionId.Length is >= MinimumIdLength and <= 256 && sessionId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class Scope(object? previous) : IDisposable
    {
        public void Dispose()
        {
            if (previous is null)
            {
                RequestContext.Remove(ContextKey);
            }
            else
            {
                RequestContext.Set(ContextKey, previous);
            }
        }
    }
}
