using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// The browser's <c>clientDataJSON</c> (WebAuthn §5.8.1), checked as a relying party must: the
/// ceremony's type, the very challenge issued, and an origin on the relying party's domain.
/// </summary>
internal sealed record ClientData(byte[] Raw, string Type, string Challenge, string Origin)
{
    public byte[] Hash => SHA256.HashData(Raw);

    /// <summary>Parses and checks; any mismatch is a <see cref="PasskeyFault"/> of the type a registration answers with.</summary>
    public static ClientData Check(byte[] raw, string type, byte[] challenge, WebAuthnSetting setting)
    {
        JsonObject json;
        try
        {
            json = JsonNode.Parse(raw) as JsonObject ?? throw new PasskeyFault("clientDataJSON is not a JSON object.");
        }
        catch (JsonException)
        {
            throw new PasskeyFault("clientDataJSON is not JSON.");
        }

        var data = new ClientData(raw, json.Str("type") ?? string.Empty, json.Str("challenge") ?? string.Empty, json.Str("origin") ?? string.Empty);
        if (data.Type != type)
        {
            throw new PasskeyFault($"clientDataJSON.type is '{data.Type}', not '{type}'.");
        }

        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(data.Challenge), System.Text.Encoding.ASCII.GetBytes(Base64Url.EncodeToString(challenge))))
        {
            throw new PasskeyFault("clientDataJSON.challenge is not the challenge issued.", PasskeyFault.ChallengeNotFound);
        }

        if (!IsAllowedOrigin(data.Origin, setting.RelyingPartyId))
        {
            throw new PasskeyFault($"clientDataJSON.origin '{data.Origin}' is not on the relying party '{setting.RelyingPartyId}'.", PasskeyFault.OriginNotAllowed);
        }

        if (json["crossOrigin"] is JsonValue cross && cross.GetValueKind() == JsonValueKind.True)
        {
            throw new PasskeyFault("clientDataJSON.crossOrigin is true: the ceremony ran in a cross-origin frame.", PasskeyFault.OriginNotAllowed);
        }

        return data;
    }

    /// <summary>HTTPS on the relying party's domain or a subdomain of it; plain HTTP only for localhost, as browsers allow.</summary>
    public static bool IsAllowedOrigin(string origin, string relyingPartyId)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath is not ("/" or "") || !string.IsNullOrEmpty(uri.Query))
        {
            return false;
        }

        var host = uri.IdnHost;
        var onDomain = string.Equals(host, relyingPartyId, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + relyingPartyId, StringComparison.OrdinalIgnoreCase);
        var localhost = host == "localhost" || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
        return onDomain && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && localhost));
    }
}
