using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Cognito.Testing.SrpFront;

namespace Cognito.IdentityProvider.Tests.Authentication;

/// <summary>
/// The server side of a PASSWORD_VERIFIER round for a scripted Cognito, with the test front's
/// independent SRP-6a (<see cref="SrpServer"/>): a real verifier from the password, a real B and
/// a real check of the client's proof, so scripted flows that start with SRP are not taken on trust.
/// </summary>
internal sealed class ScriptedSrp(string userPoolId, string internalUsername, string password)
{
    private readonly BigInteger _salt = SrpGroup.ToUnsigned(RandomNumberGenerator.GetBytes(16));
    private BigInteger _publicA;
    private BigInteger _publicB;
    private BigInteger _privateB;
    private byte[] _secretBlock = [];

    private string PoolName => userPoolId[(userPoolId.IndexOf('_', StringComparison.Ordinal) + 1)..];

    private BigInteger Verifier => SrpGroup.ComputeVerifier(_salt, PoolName, internalUsername, password);

    /// <summary>The PASSWORD_VERIFIER challenge for an InitiateAuth that sent SRP_A.</summary>
    public JsonObject Challenge(JsonObject request, string session)
    {
        _publicA = SrpGroup.FromHex(request.Str("AuthParameters", "SRP_A"));
        Assert.False(SrpGroup.Mod(_publicA).IsZero, "SRP_A is 0 mod N.");
        (_privateB, _publicB) = SrpServer.NewEphemeral(Verifier);
        _secretBlock = RandomNumberGenerator.GetBytes(96);
        return ScriptedTokens.Challenge("PASSWORD_VERIFIER", session, new JsonObject
        {
            ["SALT"] = SrpGroup.ToHex(_salt),
            ["SRP_B"] = SrpGroup.ToHex(_publicB),
            ["SECRET_BLOCK"] = Convert.ToBase64String(_secretBlock),
            ["USER_ID_FOR_SRP"] = internalUsername,
            ["USERNAME"] = internalUsername,
        });
    }

    /// <summary>Checks a PASSWORD_VERIFIER answer as Cognito does; null when it is right, else why not.</summary>
    public string? Check(JsonObject request)
    {
        var responses = request["ChallengeResponses"]!.AsObject();
        if (responses["USERNAME"]?.GetValue<string>() != internalUsername)
        {
            return "USERNAME is not the internal username.";
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
        return key is not null && SrpServer.IsValidClaim(key, PoolName, internalUsername, _secretBlock, timestamp!, responses["PASSWORD_CLAIM_SIGNATURE"]?.GetValue<string>() ?? string.Empty)
            ? null
            : "PASSWORD_CLAIM_SIGNATURE does not match.";
    }

    /// <summary>Checks the answer and, when right, replies with <paramref name="next"/>; else NotAuthorizedException as Cognito words it.</summary>
    public ScriptReply Verify(JsonObject request, Func<JsonObject> next) =>
        Check(request) is { } why
            ? throw new InvalidOperationException("PASSWORD_VERIFIER refused: " + why)
            : ScriptReply.Ok(next());
}
