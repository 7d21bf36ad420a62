using System.Text.Json;

namespace Cognito.IdentityProvider.Authentication;

/// <summary>
/// A browser's WebAuthn credential (a PublicKeyCredential as JSON), for a sign-in answer or a passkey
/// registration: it must at least be a JSON object; Cognito checks the rest.
/// </summary>
public static class BrowserCredentialJson
{
    /// <summary>The credential as a JSON element, or <see cref="Errors.InvalidParameterException"/> with <paramref name="refusal"/>.</summary>
    public static JsonElement ParseObject(string? json, string refusal)
    {
        try
        {
            using var document = JsonDocument.Parse(json ?? string.Empty);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document.RootElement.Clone();
            }
        }
        catch (JsonException)
        {
            // Fall through: the parser's message may quote the credential.
        }

        throw new Errors.InvalidParameterException(refusal);
    }
}
