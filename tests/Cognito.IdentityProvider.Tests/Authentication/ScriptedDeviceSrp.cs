using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Cognito.Testing.SrpFront;

namespace Cognito.IdentityProvider.Tests.Authentication;

/// <summary>
/// The server side of the device rounds (DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER) for a scripted
/// Cognito, with the test front's independent SRP-6a: the device's verifier is made from its
/// password, and the proof is checked with the device group key and device key in place of the
/// pool name and user id.
/// </summary>
internal sealed class ScriptedDeviceSrp(string deviceGroupKey, string deviceKey, string devicePassword, string internalUsername)
{
    private readonly byte[] _salt = RandomNumberGenerator.GetBytes(16);
    private BigInteger _publicA;
    private BigInteger _publicB;
    private BigInteger _privateB;
    private byte[] _secretBlock = [];

    private BigInteger Verifier => SrpGroup.ComputeVerifier(SrpGroup.ToUnsigned(_salt), deviceGroupKey, deviceKey, devicePassword);

    /// <summary>The DEVICE_PASSWORD_VERIFIER challenge for a DEVICE_SRP_AUTH answer.</summary>
    public JsonObject Challenge(JsonObject request, string session)
    {
        var responses = request["ChallengeResponses"]!.AsObject();
        Assert.Equal(internalUsername, responses.Str("USERNAME"));
        Assert.Equal(deviceKey, responses.Str("DEVICE_KEY"));
        _publicA = SrpGroup.FromHex(responses.Str("SRP_A"));
        (_privateB, _publicB) = SrpServer.NewEphemeral(Verifier);
        _secretBlock = RandomNumberGenerator.GetBytes(96);
        return ScriptedTokens.Challenge("DEVICE_PASSWORD_VERIFIER", session, new JsonObject
        {
            ["SRP_B"] = SrpGroup.ToHex(_publicB),
            ["SALT"] = Convert.ToHexStringLower(_salt),
            ["SECRET_BLOCK"] = Convert.ToBase64String(_secretBlock),
            ["USERNAME"] = internalUsername,
            ["DEVICE_KEY"] = deviceKey,
        });
    }

    /// <summary>Null when the DEVICE_PASSWORD_VERIFIER answer proves the device, else why not.</summary>
    public string? Check(JsonObject request)
    {
        var responses = request["ChallengeResponses"]!.AsObject();
        if (responses["USERNAME"]?.GetValue<string>() != internalUsername || responses["DEVICE_KEY"]?.GetValue<string>() != deviceKey)
        {
            return "USERNAME or DEVICE_KEY is not the device's.";
        }

        if (responses["PASSWORD_CLAIM_SECRET_BLOCK"]?.GetValue<string>() != Convert.ToBase64String(_secretBlock))
        {
            return "PASSWORD_CLAIM_SECRET_BLOCK is not the SECRET_BLOCK issued.";
        }

        var timestamp = responses["TIMESTAMP"]?.GetValue<string>();
        if (!SrpTimestamp.TryParse(timestamp, out _))
        {
            return $"TIMESTAMP '{timestamp}' is malformed.";
        }

        var key = SrpServer.SessionKey(_publicA, _publicB, _privateB, Verifier);
        return key is not null && SrpServer.IsValidClaim(key, deviceGroupKey, deviceKey, _secretBlock, timestamp!, responses["PASSWORD_CLAIM_SIGNATURE"]?.GetValue<string>() ?? string.Empty)
            ? null
            : "PASSWORD_CLAIM_SIGNATURE does not match.";
    }
}
