using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// The relying party's side of WebAuthn (Level 2, §7.1 registration and §7.2 assertion), verified
/// for real: challenge, origin, rpIdHash, flags, attestation (none or packed) and signatures.
/// </summary>
internal static class PasskeyCeremonies
{
    /// <summary>A browser's RegistrationResponseJSON, checked against the pending registration; the passkey to store.</summary>
    public static StoredPasskey VerifyRegistration(JsonObject credential, PendingRegistration pending, DateTimeOffset now)
    {
        var response = ResponseOf(credential);
        var clientData = ClientData.Check(Bytes(response, "clientDataJSON"), "webauthn.create", pending.Challenge, pending.Setting);
        var attestation = CborTree.Map(CborTree.Read(Bytes(response, "attestationObject"), "attestationObject").Value, "attestationObject");
        if (attestation.GetValueOrDefault("authData") is not byte[] rawData || attestation.GetValueOrDefault("fmt") is not string format)
        {
            throw new PasskeyFault("attestationObject has no authData or fmt.");
        }

        var data = AuthenticatorData.Parse(rawData);
        CheckData(data, pending.Setting);
        if (data.CredentialId is not { } id || data.CredentialKey is not { } key)
        {
            throw new PasskeyFault("The authenticator data has no attested credential (AT flag unset).");
        }

        var credentialId = Base64Url.EncodeToString(id);
        if (credential.Str("id") != credentialId || credential.Str("rawId") is { } rawId && rawId != credentialId)
        {
            throw new PasskeyFault("The credential's id is not the one in the authenticator data.");
        }

        VerifyAttestation(format, CborTree.Map(attestation.GetValueOrDefault("attStmt"), "attStmt"), [.. rawData, .. clientData.Hash], key);
        var transports = (response["transports"] as JsonArray ?? []).OfType<JsonValue>().Select(v => v.ToString()).Where(t => t.Length is > 0 and <= 32).Take(8).ToList();
        var attachment = credential.Str("authenticatorAttachment") is "platform" or "cross-platform" ? credential.Str("authenticatorAttachment") : null;
        return new StoredPasskey(credentialId, key, data.SignCount, pending.Setting.RelyingPartyId, FriendlyName(attachment, now), attachment, transports, now);
    }

    /// <summary>A browser's AuthenticationResponseJSON, checked against the challenge and the user's passkey; the new signature counter.</summary>
    public static uint VerifyAssertion(JsonObject credential, WebAuthnChallenge pending, StoredPasskey passkey)
    {
        var response = ResponseOf(credential);
        var clientData = ClientData.Check(Bytes(response, "clientDataJSON"), "webauthn.get", pending.Challenge, pending.Setting);
        var rawData = Bytes(response, "authenticatorData");
        var data = AuthenticatorData.Parse(rawData);
        CheckData(data, pending.Setting);
        if (passkey.RelyingPartyId != pending.Setting.RelyingPartyId)
        {
            throw new PasskeyFault($"The passkey belongs to relying party '{passkey.RelyingPartyId}'.", PasskeyFault.RelyingPartyMismatch);
        }

        if (!passkey.PublicKey.Verify([.. rawData, .. clientData.Hash], Bytes(response, "signature")))
        {
            throw new PasskeyFault("The assertion's signature does not verify with the passkey's public key.");
        }

        return data.SignCount;
    }

    /// <summary>The credential id the assertion names (id and rawId must agree).</summary>
    public static string CredentialIdOf(JsonObject credential)
    {
        var id = credential.Str("id") ?? throw new PasskeyFault("The credential has no id.");
        if (credential.Str("rawId") is { } rawId && rawId != id || credential.Str("type") != "public-key")
        {
            throw new PasskeyFault("The credential's rawId differs from its id, or its type is not public-key.");
        }

        return id;
    }

    private static void CheckData(AuthenticatorData data, WebAuthnSetting setting)
    {
        if (!CryptographicOperations.FixedTimeEquals(data.RpIdHash, SHA256.HashData(Encoding.UTF8.GetBytes(setting.RelyingPartyId))))
        {
            throw new PasskeyFault($"rpIdHash is not the hash of the relying party '{setting.RelyingPartyId}'.", PasskeyFault.RelyingPartyMismatch);
        }

        if (!data.UserPresent)
        {
            throw new PasskeyFault("The authenticator did not test user presence (UP flag unset).");
        }

        if (setting.UserVerificationRequired && !data.UserVerified)
        {
            throw new PasskeyFault("The pool requires user verification and the UV flag is unset.");
        }
    }

    private static void VerifyAttestation(string format, Dictionary<object, object?> statement, byte[] signed, CoseKey key)
    {
        switch (format)
        {
            case "none" when statement.Count == 0:
                return;
            case "packed":
                if (statement.GetValueOrDefault("alg") is not long algorithm || statement.GetValueOrDefault("sig") is not byte[] signature)
                {
                    throw new PasskeyFault("A packed attestation statement needs alg and sig.");
                }

                var valid = statement.GetValueOrDefault("x5c") is List<object?> { Count: > 0 } chain && chain[0] is byte[] leaf
                    ? VerifyWithCertificate(leaf, algorithm, signed, signature)
                    : algorithm == key.Algorithm && key.Verify(signed, signature);
                if (!valid)
                {
                    throw new PasskeyFault("The packed attestation signature does not verify.");
                }

                return;
            default:
                throw new PasskeyFault($"Attestation format '{format}' is not supported (none and packed are).", PasskeyFault.NotSupported);
        }
    }

    private static bool VerifyWithCertificate(byte[] leaf, long algorithm, byte[] signed, byte[] signature)
    {
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(leaf);
            return algorithm switch
            {
                CoseKey.Es256 => certificate.GetECDsaPublicKey() is { } ec && ec.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
                CoseKey.Rs256 => certificate.GetRSAPublicKey() is { } rsa && rsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                _ => false,
            };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static JsonObject ResponseOf(JsonObject credential) =>
        credential["response"] as JsonObject ?? throw new PasskeyFault("The credential has no response object.");

    private static byte[] Bytes(JsonObject response, string name)
    {
        var text = response.Str(name) ?? throw new PasskeyFault($"response.{name} is missing.");
        try
        {
            return Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            throw new PasskeyFault($"response.{name} is not base64url.");
        }
    }

    private static string FriendlyName(string? attachment, DateTimeOffset now) =>
        $"{(attachment == "cross-platform" ? "Security key" : "Passkey")} added {now:yyyy-MM-dd}";
}
