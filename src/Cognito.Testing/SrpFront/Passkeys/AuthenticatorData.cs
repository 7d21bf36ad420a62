using System.Buffers.Binary;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// The authenticator data an authenticator signs (WebAuthn §6.1): the relying party's hash, the
/// flags, the signature counter and, at registration, the new credential's id and public key.
/// </summary>
internal sealed record AuthenticatorData(byte[] Raw, byte[] RpIdHash, byte Flags, uint SignCount, byte[]? CredentialId, CoseKey? CredentialKey)
{
    public bool UserPresent => (Flags & 0x01) != 0;

    public bool UserVerified => (Flags & 0x04) != 0;

    public static AuthenticatorData Parse(byte[] raw)
    {
        if (raw.Length < 37)
        {
            throw new PasskeyFault("The authenticator data is shorter than 37 bytes.");
        }

        var flags = raw[32];
        var signCount = BinaryPrimitives.ReadUInt32BigEndian(raw.AsSpan(33, 4));
        if ((flags & 0x40) == 0)
        {
            return new AuthenticatorData(raw, raw[..32], flags, signCount, null, null);
        }

        // Attested credential data: AAGUID (16), credential id length (2), credential id, COSE key.
        if (raw.Length < 55)
        {
            throw new PasskeyFault("The attested credential data is truncated.");
        }

        var idLength = BinaryPrimitives.ReadUInt16BigEndian(raw.AsSpan(53, 2));
        if (idLength > 1023 || raw.Length < 55 + idLength + 1)
        {
            throw new PasskeyFault("The credential id is longer than 1023 bytes or truncated.");
        }

        var credentialId = raw[55..(55 + idLength)];
        var key = CoseKey.Read(raw.AsMemory(55 + idLength), out var keyLength);
        if ((flags & 0x80) == 0 && 55 + idLength + keyLength != raw.Length)
        {
            throw new PasskeyFault("The authenticator data has bytes after the public key but no extensions flag.");
        }

        return new AuthenticatorData(raw, raw[..32], flags, signCount, credentialId, key);
    }
}
