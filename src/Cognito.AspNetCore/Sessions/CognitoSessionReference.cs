using System.Buffers.Text;
using System.Text;
using Cognito.Client.Grains;

namespace Cognito.AspNetCore.Sessions;

/// <summary>
/// What the authentication cookie carries, inside Data Protection: the opaque session id and the
/// username that addresses its grain. No token, no claim. <see cref="ToString"/> never shows the id.
/// </summary>
internal sealed record CognitoSessionReference(string Username, string SessionId)
{
    public string Key => SessionId + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Username));

    public string Handle => CognitoSessions.HandleOf(SessionId);

    /// <summary>The reference in <paramref name="key"/>, or null when it is not one (never throws).</summary>
    public static CognitoSessionReference? Parse(string? key)
    {
        var dot = key?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (key is null || dot <= 0 || dot == key.Length - 1)
        {
            return null;
        }

        try
        {
            var username = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(key.AsSpan(dot + 1)));
            var sessionId = key[..dot];
            _ = CognitoSessions.HandleOf(sessionId);
            return string.IsNullOrWhiteSpace(username) ? null : new CognitoSessionReference(username, sessionId);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or Cognito.IdentityProvider.Errors.InvalidParameterException)
        {
            return null;
        }
    }

    public override string ToString() => $"CognitoSessionReference {{ Username = {Username}, SessionId = *** }}";
}
