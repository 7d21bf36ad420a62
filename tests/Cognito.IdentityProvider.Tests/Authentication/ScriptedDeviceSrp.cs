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
internal sealed class ScriptedDeviceSrp
{
    private readonly byte[] _salt = RandomNumberGenerator.GetBytes(16);
    private readonly string _deviceKey;
    private readonly string _internalUsername;
    private readonly ScriptedSrpRound _round;

    public ScriptedDeviceSrp(string deviceGroupKey, string deviceKey, string devicePassword, string internalUsername)
    {
        _deviceKey = deviceKey;
        _internalUsername = internalUsername;
        _round = new ScriptedSrpRound(deviceGroupKey, deviceKey, SrpGroup.ComputeVerifier(SrpGroup.ToUnsigned(_salt), deviceGroupKey, deviceKey, devicePassword));
    }

    /// <summary>The DEVICE_PASSWORD_VERIFIER challenge for a DEVICE_SRP_AUTH answer.</summary>
    public JsonObject Challenge(JsonObject request, string session)
    {
        var responses = request["ChallengeResponses"]!.AsObject();
        Assert.Equal(_internalUsername, responses.Str("USERNAME"));
        Assert.Equal(_deviceKey, responses.Str("DEVICE_KEY"));
        var (srpB, secretBlock) = _round.Begin(responses.Str("SRP_A"));
        return ScriptedTokens.Challenge("DEVICE_PASSWORD_VERIFIER", session, new JsonObject
        {
            ["SRP_B"] = srpB,
            ["SALT"] = Convert.ToHexStringLower(_salt),
            ["SECRET_BLOCK"] = secretBlock,
            ["USERNAME"] = _internalUsername,
            ["DEVICE_KEY"] = _deviceKey,
        });
    }

    /// <summary>Null when the DEVICE_PASSWORD_VERIFIER answer proves the device, else why not.</summary>
    public string? Check(JsonObject request)
    {
        var responses = request["ChallengeResponses"]!.AsObject();
        return responses["USERNAME"]?.GetValue<string>() != _internalUsername || responses["DEVICE_KEY"]?.GetValue<string>() != _deviceKey
            ? "USERNAME or DEVICE_KEY is not the device's."
            : _round.CheckProof(responses);
    }
}
