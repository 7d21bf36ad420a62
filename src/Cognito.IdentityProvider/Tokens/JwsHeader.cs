using System.Buffers.Text;
using System.Text.Json;

namespace Cognito.IdentityProvider.Tokens;

/// <summary>Looks at a JWS header's members with System.Text.Json, as <see cref="TokenPayload"/> does the claims.</summary>
internal static class JwsHeader
{
    /// <summary>
    /// Whether the header has a <c>crit</c> member (any value, named any number of times); null when
    /// the header is not a base64url JSON object. Every occurrence is looked at, so a duplicate that
    /// another reader would take as the only one cannot hide it.
    /// </summary>
    public static bool? HasCriticalMember(ReadOnlySpan<char> encodedHeader)
    {
        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(encodedHeader));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (member.NameEquals("crit"))
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
