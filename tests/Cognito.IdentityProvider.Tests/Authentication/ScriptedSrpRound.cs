using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Cognito.Testing.SrpFront;

namespace Cognito.IdentityProvider.Tests.Authentication;

/// <summary>
/// One server side of an SRP proof round for a scripted Cognito, with the test front's independent
/// SRP-6a: <paramref name="realm"/> and <paramref name="identity"/> are the pool name and user id
/// in the password round, the device group key and device key in the device round.
/// </summary>
internal sealed class ScriptedSrpRound(string realm, string identity, BigInteger verifier)
{
    private BigInteger _publicA;
    private BigInteger _publicB;
    private BigInteger _privateB;
    private byte[] _secretBlock = [];

    /// <summary>Takes the client's A and returns the server's B and the secret block to send with it.</summary>
    public (string SrpB, string SecretBlock) Begin(string srpA)
    {
        _publicA = SrpGroup.FromHex(srpA);
        Assert.False(SrpGroup.Mod(_publicA).IsZero, "SRP_A is 0 mod N.");
        (_privateB, _publicB) = SrpServer.NewEphemeral(verifier);
        _secretBlock = RandomNumberGenerator.GetBytes(96);
        return (SrpGroup.ToHex(_publicB), Convert.ToBase64String(_secretBlock));
    }

    /// <summary>Checks the secret block, TIMESTAMP and signature of an answer; null when right, else why not.</summary>
    public string? CheckProof(JsonObject responses)
    {
        if (responses["PASSWORD_CLAIM_SECRET_BLOCK"]?.GetValue<string>() != Convert.ToBase64String(_secretBlock))
        {
            return "PASSWORD_CLAIM_SECRET_BLOCK is not the SECRET_BLOCK issued.";
        }

        var timestamp = responses["TIMESTAMP"]?.GetValue<string>();
        if (!SrpTimestamp.TryParse(timestamp, out _))
        {
            return $"TIMESTAMP '{timestamp}' is malformed.";
        }

        var key = SrpServer.SessionKey(_publicA, _publicB, _privateB, verifier);
        return key is not null && SrpServer.IsValidClaim(key, realm, identity, _secretBlock, timestamp!, responses["PASSWORD_CLAIM_SIGNATURE"]?.GetValue<string>() ?? string.Empty)
            ? null
            : "PASSWORD_CLAIM_SIGNATURE does not match.";
    }
}
