using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// The PASSWORD_VERIFIER challenge: the server's SRP ephemeral against the user's stored verifier,
/// or against a random one for a phantom (an unknown user whose existence is hidden), so no
/// password answers it. Issued for USER_SRP_AUTH and for USER_AUTH's PASSWORD_SRP factor.
/// </summary>
internal sealed class SrpChallengeIssuer(FrontState state)
{
    public JsonObject Issue(AppClientInfo client, PoolInfo pool, PoolUser? user, string typed, BigInteger publicA, string? deviceKey)
    {
        var username = user?.Username ?? typed;
        BigInteger salt, verifier;
        if (user is null)
        {
            salt = SrpGroup.ToUnsigned(RandomNumberGenerator.GetBytes(16));
            verifier = BigInteger.ModPow(SrpGroup.G, SrpGroup.RandomExponent(32), SrpGroup.N);
        }
        else
        {
            var credential = state.Credentials.Get(pool.UserPoolId, username) ?? throw LoginResults.NoVerifier(pool.UserPoolId, username);
            salt = credential.Salt;
            verifier = credential.Verifier;
        }

        var (privateB, publicB) = SrpServer.NewEphemeral(verifier);
        var secretBlock = RandomNumberGenerator.GetBytes(96);
        var session = ChallengeSessions.NewSessionId();
        state.Sessions.Add(new PasswordVerifierChallenge(
            session,
            client.ClientId,
            pool.UserPoolId,
            username,
            state.Clock.GetUtcNow() + state.Options.SessionLifetime,
            publicA,
            publicB,
            privateB,
            verifier,
            secretBlock,
            string.IsNullOrEmpty(deviceKey) ? null : deviceKey,
            Phantom: user is null));

        return new JsonObject
        {
            ["ChallengeName"] = "PASSWORD_VERIFIER",
            ["ChallengeParameters"] = new JsonObject
            {
                ["SALT"] = SrpGroup.ToHex(salt),
                ["SRP_B"] = SrpGroup.ToHex(publicB),
                ["SECRET_BLOCK"] = Convert.ToBase64String(secretBlock),
                ["USER_ID_FOR_SRP"] = username,
                ["USERNAME"] = username,
            },
            ["Session"] = session,
        };
    }

    /// <summary>A client's SRP A: hexadecimal and not 0 mod N, or InvalidParameterException.</summary>
    public BigInteger ParsePublicA(string? hex, string round)
    {
        BigInteger publicA;
        try
        {
            publicA = SrpGroup.FromHex(hex ?? throw CognitoFault.MissingParameter("SRP_A"));
        }
        catch (FormatException)
        {
            throw CognitoFault.InvalidParameter("SRP_A is not a hexadecimal number.");
        }

        if (SrpGroup.Mod(publicA).IsZero)
        {
            throw state.Reject($"{round}: SRP_A is 0 mod N.", CognitoFault.InvalidParameter("SRP_A is invalid."));
        }

        return publicA;
    }
}
