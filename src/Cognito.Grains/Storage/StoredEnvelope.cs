using System.Buffers.Text;
using System.Text;
using Cognito.Client.Errors;

namespace Cognito.Grains.Storage;

/// <summary>
/// The stored form of a protected state: <c>cognito-state/{version}:{base64url ciphertext}</c>, ASCII
/// text (Orleans' Redis provider stores the serializer's output as a string). The version names how the
/// ciphertext's plaintext is encoded, so a later release can read every form an earlier one wrote.
/// </summary>
internal static class StoredEnvelope
{
    /// <summary>Version 1: Data Protection over Orleans' binary serialization of the state (fields matched by [Id]).</summary>
    public const int CurrentVersion = 1;

    private const string Prefix = "cognito-state/";

    public static string Write(int version, byte[] ciphertext) =>
        $"{Prefix}{version}:{Base64Url.EncodeToString(ciphertext)}";

    /// <summary>Splits a stored value into version and ciphertext, or says why it is not an envelope.</summary>
    public static bool TryRead(ReadOnlySpan<byte> stored, out int version, out byte[] ciphertext, out StoredStateFault fault)
    {
        version = 0;
        ciphertext = [];
        fault = StoredStateFault.Corrupt;
        var prefix = Encoding.ASCII.GetBytes(Prefix);
        if (!stored.StartsWith(prefix))
        {
            return false;
        }

        var rest = stored[prefix.Length..];
        var colon = rest.IndexOf((byte)':');
        if (colon <= 0 || !int.TryParse(Encoding.ASCII.GetString(rest[..colon]), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version))
        {
            return false;
        }

        if (version != CurrentVersion)
        {
            fault = StoredStateFault.UnknownVersion;
            return false;
        }

        var body = rest[(colon + 1)..];
        if (body.IsEmpty || !Base64Url.IsValid(body))
        {
            return false;
        }

        ciphertext = Base64Url.DecodeFromUtf8(body);
        return true;
    }
}
