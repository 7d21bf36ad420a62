using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// Passkey management, which cognito-local lacks: StartWebAuthnRegistration and
/// CompleteWebAuthnRegistration (the browser's attestation verified for real), ListWebAuthnCredentials,
/// DeleteWebAuthnCredential, and GetUserAuthFactors / AdminGetUserAuthFactors.
/// </summary>
internal sealed class PasskeyHandler(FrontState state)
{
    private static readonly TimeSpan RegistrationLifetime = TimeSpan.FromMinutes(5);

    public async Task<FrontReply> HandleAsync(FrontRequest request, CancellationToken cancellationToken) => FrontReply.Of(request.Operation switch
    {
        "StartWebAuthnRegistration" => await StartAsync(request, cancellationToken),
        "CompleteWebAuthnRegistration" => await CompleteAsync(request, cancellationToken),
        "ListWebAuthnCredentials" => await ListAsync(request, cancellationToken),
        "DeleteWebAuthnCredential" => await DeleteAsync(request, cancellationToken),
        "AdminGetUserAuthFactors" => await AdminFactorsAsync(request, cancellationToken),
        _ => await FactorsAsync(request, cancellationToken),
    });

    private async Task<JsonObject> StartAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var (pool, user, clientId, _) = await SignedInAsync(request, cancellationToken);
        var setting = state.Directory.WebAuthnOf(pool.UserPoolId)
            ?? throw new CognitoFault("WebAuthnConfigurationMissingException", "The user pool has no passkey relying party: set WebAuthnConfiguration.RelyingPartyId with SetUserPoolMfaConfig.");
        if (!pool.AllowsFirstFactor("WEB_AUTHN"))
        {
            throw new CognitoFault("WebAuthnNotEnabledException", "WEB_AUTHN is not among the pool's AllowedFirstAuthFactors.");
        }

        var challenge = RandomNumberGenerator.GetBytes(32);
        state.Passkeys.StartRegistration(pool.UserPoolId, user.Username, new PendingRegistration(challenge, clientId, setting, state.Clock.GetUtcNow() + RegistrationLifetime));
        var exclude = new JsonArray([.. state.Passkeys.List(pool.UserPoolId, user.Username).Select(p => (JsonNode)new JsonObject { ["type"] = "public-key", ["id"] = p.CredentialId })]);
        return new JsonObject
        {
            ["CredentialCreationOptions"] = new JsonObject
            {
                ["challenge"] = Base64Url.EncodeToString(challenge),
                ["rp"] = new JsonObject { ["id"] = setting.RelyingPartyId, ["name"] = setting.RelyingPartyId },
                ["user"] = new JsonObject
                {
                    ["id"] = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(user.Attributes.GetValueOrDefault("sub") ?? user.Username)),
                    ["name"] = user.Username,
                    ["displayName"] = user.Attributes.GetValueOrDefault("email") ?? user.Username,
                },
                ["pubKeyCredParams"] = new JsonArray(
                    new JsonObject { ["type"] = "public-key", ["alg"] = CoseKey.Es256 },
                    new JsonObject { ["type"] = "public-key", ["alg"] = CoseKey.Rs256 }),
                ["timeout"] = (long)RegistrationLifetime.TotalMilliseconds,
                ["excludeCredentials"] = exclude,
                ["authenticatorSelection"] = new JsonObject
                {
                    ["residentKey"] = "required",
                    ["requireResidentKey"] = true,
                    ["userVerification"] = setting.UserVerificationRequired ? "required" : "preferred",
                },
            },
        };
    }

    private async Task<JsonObject> CompleteAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var (pool, user, clientId, _) = await SignedInAsync(request, cancellationToken);
        var credential = request.Body.Obj("Credential") ?? throw CognitoFault.MissingParameter("Credential");
        var pending = state.Passkeys.TakeRegistration(pool.UserPoolId, user.Username);
        if (pending is null || pending.ExpiresAt <= state.Clock.GetUtcNow())
        {
            throw state.Reject($"CompleteWebAuthnRegistration of '{user.Username}' without a live StartWebAuthnRegistration.", new CognitoFault("WebAuthnChallengeNotFoundException", "The registration challenge expired or was never issued: start the registration again."));
        }

        if (pending.ClientId != clientId)
        {
            throw state.Reject($"CompleteWebAuthnRegistration of '{user.Username}' from another app client.", new CognitoFault("WebAuthnClientMismatchException", "The access token is for another app client than the one that started the registration."));
        }

        StoredPasskey passkey;
        try
        {
            passkey = PasskeyCeremonies.VerifyRegistration(credential, pending, state.Clock.GetUtcNow());
        }
        catch (PasskeyFault fault)
        {
            throw state.Reject($"Passkey registration of '{user.Username}': {fault.Message}", new CognitoFault(fault.Type, fault.Message));
        }

        if (!state.Passkeys.Add(pool.UserPoolId, user.Username, passkey))
        {
            throw state.Reject($"Passkey {passkey.CredentialId} is already registered in {pool.UserPoolId}.", CognitoFault.InvalidParameter("This passkey is already registered."));
        }

        return [];
    }

    private async Task<JsonObject> ListAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var (pool, user, _, _) = await SignedInAsync(request, cancellationToken);
        var max = request.Body.Int("MaxResults") ?? 20;
        if (max is < 1 or > 20)
        {
            throw CognitoFault.InvalidParameter("MaxResults must be from 1 to 20.");
        }

        var start = 0;
        if (request.Body.Str("NextToken") is { } token && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start < 0))
        {
            throw CognitoFault.InvalidParameter("NextToken is not a token this operation returned.");
        }

        var all = state.Passkeys.List(pool.UserPoolId, user.Username);
        var page = all.Skip(start).Take(max).Select(p => (JsonNode)new JsonObject
        {
            ["CredentialId"] = p.CredentialId,
            ["FriendlyCredentialName"] = p.FriendlyName,
            ["RelyingPartyId"] = p.RelyingPartyId,
            ["AuthenticatorAttachment"] = p.Attachment,
            ["AuthenticatorTransports"] = new JsonArray([.. p.Transports.Select(t => (JsonNode)t)]),
            ["CreatedAt"] = p.CreatedAt.ToUnixTimeMilliseconds() / 1000.0,
        });
        var answer = new JsonObject { ["Credentials"] = new JsonArray([.. page]) };
        if (start + max < all.Count)
        {
            answer["NextToken"] = (start + max).ToString(CultureInfo.InvariantCulture);
        }

        return answer;
    }

    private async Task<JsonObject> DeleteAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var (pool, user, _, _) = await SignedInAsync(request, cancellationToken);
        var credentialId = request.Body.Required("CredentialId");
        return state.Passkeys.Remove(pool.UserPoolId, user.Username, credentialId)
            ? []
            : throw CognitoFault.ResourceNotFound("The user has no passkey with this credential id.");
    }

    private async Task<JsonObject> FactorsAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var (pool, user, _, described) = await SignedInAsync(request, cancellationToken);
        return FactorsAnswer(pool, user, described);
    }

    private async Task<JsonObject> AdminFactorsAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var poolId = request.Body.Required("UserPoolId");
        var pool = await state.Directory.GetPoolAsync(poolId, cancellationToken);
        var described = await state.Upstream.CallAsync("AdminGetUser", new JsonObject { ["UserPoolId"] = poolId, ["Username"] = request.Body.Required("Username") }, cancellationToken);
        var user = UserResolver.Read(described) ?? throw CognitoFault.UserNotFound();
        return FactorsAnswer(pool, user, described);
    }

    private JsonObject FactorsAnswer(PoolInfo pool, PoolUser user, JsonObject described)
    {
        var answer = new JsonObject
        {
            ["Username"] = user.Username,
            ["UserMFASettingList"] = new JsonArray([.. described.Strings("UserMFASettingList").Select(s => (JsonNode)s)]),
            ["ConfiguredUserAuthFactors"] = new JsonArray([.. UserFactors.Of(state, pool, user).Select(f => (JsonNode)f)]),
        };
        if (described.Str("PreferredMfaSetting") is { } preferred)
        {
            answer["PreferredMfaSetting"] = preferred;
        }

        return answer;
    }

    /// <summary>The access token's user, verified by cognito-local, with its pool and app client.</summary>
    private async Task<(PoolInfo Pool, PoolUser User, string ClientId, JsonObject Described)> SignedInAsync(FrontRequest request, CancellationToken cancellationToken)
    {
        var accessToken = request.Body.Required("AccessToken");
        var described = await state.Upstream.CallAsync("GetUser", new JsonObject { ["AccessToken"] = accessToken }, cancellationToken);
        if (UserResolver.Read(described) is not { } user || TokenClaims.TryRead(accessToken) is not { UserPoolId: { } poolId, ClientId: { } clientId })
        {
            throw CognitoFault.NotAuthorized("Invalid Access Token");
        }

        return (await state.Directory.GetPoolAsync(poolId, cancellationToken), user, clientId, described);
    }
}
