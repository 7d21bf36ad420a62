using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Srp;

namespace Cognito.IdentityProvider.Authentication;

/// <summary>
/// Choice-based sign-in (USER_AUTH): the user signs in with a password, SRP, an email or SMS
/// one-time code or a passkey, either naming the factor up front (PREFERRED_CHALLENGE) or choosing
/// from SELECT_CHALLENGE's AvailableChallenges. MFA after a password factor follows as usual.
/// </summary>
public sealed partial class CognitoAuthenticator
{
    /// <summary>The factors USER_AUTH offers, as Cognito names them.</summary>
    public static IReadOnlyList<string> UserAuthFactors { get; } =
        [ChallengeNameType.Password, ChallengeNameType.PasswordSrp, ChallengeNameType.EmailOtp, ChallengeNameType.SmsOtp, ChallengeNameType.WebAuthn];

    /// <summary>
    /// Starts USER_AUTH. With <paramref name="preferredChallenge"/> null, Cognito answers SELECT_CHALLENGE
    /// (answer it with <see cref="SelectChallengeAnswer"/>); with PASSWORD or PASSWORD_SRP the
    /// <paramref name="password"/> is needed (SRP never sends it); with EMAIL_OTP, SMS_OTP or WEB_AUTHN
    /// Cognito answers with that factor's challenge, or with SELECT_CHALLENGE when the user lacks it.
    /// </summary>
    public async Task<AuthStep> StartUserAuthAsync(string username, string? preferredChallenge = null, string? password = null, DeviceSecrets? device = null, IReadOnlyDictionary<string, string>? clientMetadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(username);
        var parameters = new Dictionary<string, string> { ["USERNAME"] = username };
        SrpAttempt? srp = null;
        if (preferredChallenge is not null)
        {
            RequireFactor(preferredChallenge);
            parameters["PREFERRED_CHALLENGE"] = preferredChallenge;
            srp = AddPasswordFactor(parameters, preferredChallenge, password);
        }

        if (device is not null)
        {
            parameters["DEVICE_KEY"] = device.DeviceKey;
        }

        AddSecretHash(parameters, username);
        using (srp)
        {
            var outcome = await InitiateAsync(AuthFlowType.UserAuth, parameters, clientMetadata, admin: false, cancellationToken).ConfigureAwait(false);
            var context = new FlowContext(username, password, srp, device, false, clientMetadata);
            return await ContinueAsync(outcome, context, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The SELECT_CHALLENGE answer: ANSWER plus what a password factor needs; the SRP attempt, if any, is the caller's to dispose.</summary>
    private (SrpAttempt? Srp, string? Password) AddFactorAnswer(Dictionary<string, string> responses, AuthChallenge challenge, SelectChallengeAnswer select)
    {
        RequireFactor(select.Challenge);
        if (challenge.AvailableChallenges is { Count: > 0 } offered && !offered.Contains(select.Challenge, StringComparer.Ordinal))
        {
            throw new Errors.InvalidParameterException($"'{select.Challenge}' is not one of the factors Cognito offered this user.");
        }

        responses["ANSWER"] = select.Challenge;
        return (AddPasswordFactor(responses, select.Challenge, select.Password), select.Password);
    }

    /// <summary>PASSWORD sends the password; PASSWORD_SRP starts an SRP attempt and sends A; other factors send nothing more.</summary>
    private SrpAttempt? AddPasswordFactor(Dictionary<string, string> parameters, string factor, string? password)
    {
        switch (factor)
        {
            case ChallengeNameType.Password:
                parameters["PASSWORD"] = RequirePassword(password, factor);
                return null;
            case ChallengeNameType.PasswordSrp:
                RequirePassword(password, factor);
                var srp = _srp.StartAttempt();
                parameters["SRP_A"] = srp.SrpA;
                return srp;
            default:
                return null;
        }
    }

    private static void RequireFactor(string factor)
    {
        if (!UserAuthFactors.Contains(factor, StringComparer.Ordinal))
        {
            throw new Errors.InvalidParameterException($"USER_AUTH factors are {string.Join(", ", UserAuthFactors)}; '{Truncate(factor)}' is not one.");
        }
    }

    private static string RequireJsonObject(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        _ = BrowserCredentialJson.ParseObject(json, "A WEB_AUTHN answer is the JSON object of the browser's PublicKeyCredential.");
        return json;
    }

    private static string Truncate(string text) => text.Length <= 32 ? text : text[..32] + "…";
}
