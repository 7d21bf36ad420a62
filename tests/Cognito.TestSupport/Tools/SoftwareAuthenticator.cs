using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Cognito.Testing.Tools;

/// <summary>
/// A test-side passkey authenticator and browser, written from the WebAuthn spec alone and sharing
/// no code with the front's verifier: it makes an ES256 or RS256 credential, answers creation
/// options with a RegistrationResponseJSON (attestation none or packed self) and request options
/// with an AuthenticationResponseJSON. Every part can be bent to play an attacker.
/// </summary>
public sealed class SoftwareAuthenticator : IDisposable
{
    private readonly ECDsa? _ec;
    private readonly RSA? _rsa;
    private uint _counter;

    public SoftwareAuthenticator(bool rsa = false, uint counter = 0)
    {
        if (rsa)
        {
            _rsa = RSA.Create(2048);
        }
        else
        {
            _ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        }

        _counter = counter;
    }

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(32);

    public string Id => Base64Url.EncodeToString(CredentialId);

    public string Origin { get; set; } = "http://localhost:5000";

    /// <summary>How much the counter moves per assertion; 0 plays an authenticator without a counter.</summary>
    public uint CounterStep { get; set; } = 1;

    public void Dispose()
    {
        _ec?.Dispose();
        _rsa?.Dispose();
    }

    /// <summary>navigator.credentials.create() with Cognito's CredentialCreationOptions.</summary>
    public JsonObject Register(JsonObject options, string? origin = null, string? rpId = null, string type = "webauthn.create", string format = "none", string? challenge = null)
    {
        var relyingParty = rpId ?? options["rp"]!["id"]!.GetValue<string>();
        var clientData = ClientDataJson(type, challenge ?? options["challenge"]!.GetValue<string>(), origin ?? Origin);
        var authData = AuthenticatorData(relyingParty, flags: 0x45, attested: true);
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(3);
        writer.WriteTextString("fmt");
        writer.WriteTextString(format);
        writer.WriteTextString("attStmt");
        if (format == "packed")
        {
            writer.WriteStartMap(2);
            writer.WriteTextString("alg");
            writer.WriteInt32(Algorithm);
            writer.WriteTextString("sig");
            writer.WriteByteString(Sign([.. authData, .. SHA256.HashData(clientData)]));
            writer.WriteEndMap();
        }
        else
        {
            writer.WriteStartMap(0);
            writer.WriteEndMap();
        }

        writer.WriteTextString("authData");
        writer.WriteByteString(authData);
        writer.WriteEndMap();
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["attestationObject"] = Base64Url.EncodeToString(writer.Encode()),
            ["transports"] = new JsonArray("internal"),
        });
    }

    /// <summary>navigator.credentials.get() with Cognito's CREDENTIAL_REQUEST_OPTIONS (a JSON string).</summary>
    public JsonObject Assert(string requestOptions, string? origin = null, string? rpId = null, string type = "webauthn.get", byte flags = 0x05, Func<byte[], byte[]>? bendClientData = null)
    {
        var options = JsonNode.Parse(requestOptions)!.AsObject();
        var clientData = ClientDataJson(type, options["challenge"]!.GetValue<string>(), origin ?? Origin);
        clientData = bendClientData?.Invoke(clientData) ?? clientData;
        _counter += CounterStep;
        var authData = AuthenticatorData(rpId ?? options["rpId"]!.GetValue<string>(), flags, attested: false);
        var signature = Sign([.. authData, .. SHA256.HashData(bendClientData is null ? clientData : ClientDataJson(type, options["challenge"]!.GetValue<string>(), origin ?? Origin))]);
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["authenticatorData"] = Base64Url.EncodeToString(authData),
            ["signature"] = Base64Url.EncodeToString(signature),
        });
    }

    /// <summary>The PublicKeyCredential's JSON (toJSON()) around a ceremony's response.</summary>
    private JsonObject Credential(JsonObject response) => new()
    {
        ["id"] = Id,
        ["rawId"] = Id,
        ["type"] = "public-key",
        ["authenticatorAttachment"] = "platform",
        ["clientExtensionResults"] = new JsonObject(),
        ["response"] = response,
    };

    private int Algorithm => _rsa is null ? -7 : -257;

    private static byte[] ClientDataJson(string type, string challenge, string origin) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["type"] = type, ["challenge"] = challenge, ["origin"] = origin, ["crossOrigin"] = false }.ToJsonString());

    private byte[] AuthenticatorData(string rpId, byte flags, bool attested)
    {
        var data = new List<byte>(SHA256.HashData(Encoding.UTF8.GetBytes(rpId))) { flags };
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, _counter);
        data.AddRange(counter);
        if (attested)
        {
            data.AddRange(new byte[16]);
            data.Add((byte)(CredentialId.Length >> 8));
            data.Add((byte)CredentialId.Length);
            data.AddRange(CredentialId);
            data.AddRange(CosePublicKey());
        }

        return [.. data];
    }

    private byte[] CosePublicKey()
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        if (_ec is not null)
        {
            var point = _ec.ExportParameters(false).Q;
            writer.WriteStartMap(5);
            writer.WriteInt32(1);
            writer.WriteInt32(2);
            writer.WriteInt32(3);
            writer.WriteInt32(-7);
            writer.WriteInt32(-1);
            writer.WriteInt32(1);
            writer.WriteInt32(-2);
            writer.WriteByteString(point.X!);
            writer.WriteInt32(-3);
            writer.WriteByteString(point.Y!);
        }
        else
        {
            var key = _rsa!.ExportParameters(false);
            writer.WriteStartMap(4);
            writer.WriteInt32(1);
            writer.WriteInt32(3);
            writer.WriteInt32(3);
            writer.WriteInt32(-257);
            writer.WriteInt32(-1);
            writer.WriteByteString(key.Modulus!);
            writer.WriteInt32(-2);
            writer.WriteByteString(key.Exponent!);
        }

        writer.WriteEndMap();
        return writer.Encode();
    }

    private byte[] Sign(byte[] data) => _ec is not null
        ? _ec.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
        : _rsa!.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
}
