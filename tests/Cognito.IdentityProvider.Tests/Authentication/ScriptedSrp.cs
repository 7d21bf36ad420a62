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
internal sealed class ScriptedSrp
{
    private readonly BigInteger _salt = SrpGroup.ToUnsigned(RandomNumberGenerator.GetBytes(16));
    private readonly string _internalUsername;
    private readonly ScriptedSrpRound _round;

    public ScriptedSrp(string userPoolId, string internalUsername, string password)
    {
        var poolName = userPoolId[(userPoolId.IndexOf('_', StringComparison.Ordinal) + 1)..];
        _internalUsername = internalUsername;
        _round = new ScriptedSrpRound(poolName, internalUsername, SrpGroup.ComputeVerifier(_salt, poolName, internalUsername, password));
    }

    /// <summary>The PASSWORD_VERIFIER challenge for an InitiateAuth that sent SRP_A.</summary>
    public JsonObject Challenge(JsonObject request, string session)
    {
        var (srpB, secretBlock) = _round.Begin(request.Str("AuthParameters", "SRP_A"));
        return ScriptedTokens.Challenge("PASSWORD_VERIFIER", session, new JsonObject
        {
            ["SALT"] = SrpGroup.ToHex(_salt),
            ["SRP_B"] = srpB,
            ["SECRET_BLOCK"] = secretBlock,
            ["USER_ID_FOR_SRP"] = _internalUsername,
            ["USERNAME"] = _internalUsername,
        });
    }

    /// <summary>Checks a PASSWORD_VERIFIER answer as Cognito does; null when it is right, else why not.</summary>
    public string? Check(JsonObject request)
    {
        var responses = request["ChallengeResponses"]!.AsObject();
        return responses["USERNAME"]?.GetValue<string>() != _internalUsername
            ? "USERNAME is not the internal username."
            : _round.CheckProof(responses);
    }

    /// <summary>Checks the answer and, when right, replies with <paramref name="next"/>; else NotAuthorizedException as Cognito words it.</summary>
    public ScriptReply Verify(JsonObject request, Func<JsonObject> next) =>
        Check(request) is { } why
            ? throw new InvalidOperationException("PASSWORD_VERIFIER refused: " + why)
            : ScriptReply.Ok(next());
}
