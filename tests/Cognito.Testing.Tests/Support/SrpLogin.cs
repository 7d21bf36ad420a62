using System.Text.Json.Nodes;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.SrpFront;

namespace Cognito.Testing.Tests.Support;

/// <summary>
/// A USER_SRP_AUTH login through the front in raw calls, each step open to bending; with
/// <paramref name="admin"/>, through AdminInitiateAuth and AdminRespondToAuthChallenge.
/// </summary>
public sealed class SrpLogin(RawCognito raw, TestPool pool, bool admin = false)
{
    private readonly SrpTestClient _srp = new();

    /// <summary>This login's SRP A, for flows that send it themselves (USER_AUTH's PASSWORD_SRP).</summary>
    public string SrpA => _srp.SrpA;

    public string? SecretHash(string username) =>
        pool.ClientSecret is null ? null : Cognito.IdentityProvider.Security.SecretHash.Compute(username, pool.ClientId, pool.ClientSecret);

    public Task<JsonObject> InitiateAsync(string typedName, string? deviceKey = null, string? secretHashName = null)
    {
        var parameters = new JsonObject { ["USERNAME"] = typedName, ["SRP_A"] = _srp.SrpA };
        if (SecretHash(secretHashName ?? typedName) is { } hash)
        {
            parameters["SECRET_HASH"] = hash;
        }

        if (deviceKey is not null)
        {
            parameters["DEVICE_KEY"] = deviceKey;
        }

        return raw.CallAsync(admin ? "AdminInitiateAuth" : "InitiateAuth", WithPool(new JsonObject { ["AuthFlow"] = "USER_SRP_AUTH", ["ClientId"] = pool.ClientId, ["AuthParameters"] = parameters }));
    }

    /// <summary>The PASSWORD_VERIFIER answer; every part can be bent by the test.</summary>
    public Task<JsonObject> AnswerAsync(
        JsonObject challenge,
        string password,
        string? timestamp = null,
        string? secretHashName = null,
        string? username = null,
        string? deviceKey = null,
        bool withSession = true)
    {
        var parameters = challenge["ChallengeParameters"]!.AsObject();
        var userId = parameters["USER_ID_FOR_SRP"]!.GetValue<string>();
        timestamp ??= SrpTimestamp.Format(DateTimeOffset.UtcNow);
        var signature = _srp.Sign(pool.PoolName, userId, password, Str(parameters, "SALT"), Str(parameters, "SRP_B"), Str(parameters, "SECRET_BLOCK"), timestamp);
        var responses = new JsonObject
        {
            ["USERNAME"] = username ?? Str(parameters, "USERNAME"),
            ["PASSWORD_CLAIM_SECRET_BLOCK"] = Str(parameters, "SECRET_BLOCK"),
            ["PASSWORD_CLAIM_SIGNATURE"] = signature,
            ["TIMESTAMP"] = timestamp,
        };
        if (SecretHash(secretHashName ?? userId) is { } hash)
        {
            responses["SECRET_HASH"] = hash;
        }

        if (deviceKey is not null)
        {
            responses["DEVICE_KEY"] = deviceKey;
        }

        var request = new JsonObject { ["ChallengeName"] = "PASSWORD_VERIFIER", ["ClientId"] = pool.ClientId, ["ChallengeResponses"] = responses };
        if (withSession)
        {
            request["Session"] = challenge["Session"]!.GetValue<string>();
        }

        return RespondAsync(request);
    }

    /// <summary>Any challenge answer, through the same (admin or not) operation as the login.</summary>
    public Task<JsonObject> RespondAsync(JsonObject request) =>
        raw.CallAsync(admin ? "AdminRespondToAuthChallenge" : "RespondToAuthChallenge", WithPool(request));

    private JsonObject WithPool(JsonObject request)
    {
        if (admin)
        {
            request["UserPoolId"] = pool.UserPoolId;
        }

        return request;
    }

    public async Task<JsonObject> LoginAsync(string typedName, string password = CognitoLocalFixture.DefaultPassword, string? deviceKey = null) =>
        await AnswerAsync(await InitiateAsync(typedName, deviceKey), password, deviceKey: deviceKey);

    public static string Str(JsonObject obj, string name) => obj[name]?.GetValue<string>() ?? throw new InvalidOperationException($"{name} is missing in {obj.ToJsonString()}");
}
