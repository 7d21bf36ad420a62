using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.SrpFront;

namespace Cognito.Testing.Tests.Support;

/// <summary>A device as a client keeps it after ConfirmDevice: its key, group key and the random device password.</summary>
public sealed record DeviceSecret(string DeviceKey, string DeviceGroupKey, string DevicePassword)
{
    /// <summary>Confirms the device of a NewDeviceMetadata with a fresh verifier: x_dev over group key, device key and a random password.</summary>
    public static async Task<(DeviceSecret Device, JsonObject Answer)> ConfirmAsync(RawCognito raw, JsonObject authenticationResult)
    {
        var metadata = authenticationResult["NewDeviceMetadata"]!.AsObject();
        var device = new DeviceSecret(metadata[nameof(DeviceKey)]!.GetValue<string>(), metadata[nameof(DeviceGroupKey)]!.GetValue<string>(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(40)));
        var salt = SrpGroup.ToUnsigned(RandomNumberGenerator.GetBytes(16));
        var verifier = SrpGroup.ComputeVerifier(salt, device.DeviceGroupKey, device.DeviceKey, device.DevicePassword);
        var answer = await raw.CallAsync("ConfirmDevice", new JsonObject
        {
            ["AccessToken"] = authenticationResult["AccessToken"]!.GetValue<string>(),
            [nameof(DeviceKey)] = device.DeviceKey,
            ["DeviceName"] = "test-device",
            ["DeviceSecretVerifierConfig"] = new JsonObject
            {
                ["PasswordVerifier"] = Convert.ToBase64String(SrpGroup.Pad(verifier)),
                ["Salt"] = Convert.ToBase64String(SrpGroup.Pad(salt)),
            },
        });
        return (device, answer);
    }

    /// <summary>
    /// The device rounds after the password proof: DEVICE_SRP_AUTH, then DEVICE_PASSWORD_VERIFIER.
    /// <paramref name="signAs"/> replaces the device key in the proof (the classic bug: the username).
    /// </summary>
    public async Task<JsonObject> AnswerDeviceChallengesAsync(RawCognito raw, TestPool pool, JsonObject deviceSrpAuth, string username, string? signAs = null, string? devicePassword = null)
    {
        var srp = new SrpTestClient();
        var verifierChallenge = await raw.CallAsync("RespondToAuthChallenge", new JsonObject
        {
            ["ChallengeName"] = "DEVICE_SRP_AUTH",
            ["ClientId"] = pool.ClientId,
            ["Session"] = deviceSrpAuth["Session"]!.GetValue<string>(),
            ["ChallengeResponses"] = WithSecretHash(new JsonObject { ["USERNAME"] = username, ["DEVICE_KEY"] = DeviceKey, ["SRP_A"] = srp.SrpA }, pool, username),
        });
        Assert.Equal("DEVICE_PASSWORD_VERIFIER", verifierChallenge["ChallengeName"]!.GetValue<string>());
        var parameters = verifierChallenge["ChallengeParameters"]!.AsObject();
        Assert.Equal(DeviceKey, parameters["DEVICE_KEY"]!.GetValue<string>());
        var timestamp = SrpTimestamp.Format(DateTimeOffset.UtcNow);
        var secretBlock = parameters["SECRET_BLOCK"]!.GetValue<string>();
        var signature = srp.Sign(DeviceGroupKey, signAs ?? DeviceKey, devicePassword ?? DevicePassword, parameters["SALT"]!.GetValue<string>(), parameters["SRP_B"]!.GetValue<string>(), secretBlock, timestamp);
        return await raw.CallAsync("RespondToAuthChallenge", new JsonObject
        {
            ["ChallengeName"] = "DEVICE_PASSWORD_VERIFIER",
            ["ClientId"] = pool.ClientId,
            ["Session"] = verifierChallenge["Session"]!.GetValue<string>(),
            ["ChallengeResponses"] = WithSecretHash(
                new JsonObject
                {
                    ["USERNAME"] = username,
                    ["DEVICE_KEY"] = DeviceKey,
                    ["PASSWORD_CLAIM_SECRET_BLOCK"] = secretBlock,
                    ["TIMESTAMP"] = timestamp,
                    ["PASSWORD_CLAIM_SIGNATURE"] = signature,
                },
                pool,
                username),
        });
    }

    private static JsonObject WithSecretHash(JsonObject responses, TestPool pool, string username)
    {
        if (pool.ClientSecret is not null)
        {
            responses["SECRET_HASH"] = Cognito.IdentityProvider.Security.SecretHash.Compute(username, pool.ClientId, pool.ClientSecret);
        }

        return responses;
    }

    public override string ToString() => $"DeviceSecret {{ DeviceKey = {DeviceKey}, DeviceGroupKey = {DeviceGroupKey}, DevicePassword = *** }}";
}
