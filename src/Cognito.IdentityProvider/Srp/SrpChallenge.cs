using Cognito.IdentityProvider.Errors;

namespace Cognito.IdentityProvider.Srp;

/// <summary>The parameters of a PASSWORD_VERIFIER or DEVICE_PASSWORD_VERIFIER challenge, as received.</summary>
internal sealed record SrpChallenge(string Salt, string SrpB, string SecretBlock, string? UserIdForSrp, string? Username)
{
    public static SrpChallenge Parse(IReadOnlyDictionary<string, string>? parameters, string challengeName)
    {
        if (parameters is null)
        {
            throw new CognitoProtocolException($"The {challengeName} challenge came without parameters.");
        }

        return new SrpChallenge(
            Required(parameters, SrpParameterNames.Salt, challengeName),
            Required(parameters, SrpParameterNames.SrpB, challengeName),
            Required(parameters, SrpParameterNames.SecretBlock, challengeName),
            Optional(parameters, SrpParameterNames.UserIdForSrp),
            Optional(parameters, SrpParameterNames.Username));
    }

    public string RequireUserIdForSrp(string challengeName) =>
        UserIdForSrp ?? throw new CognitoProtocolException($"The {challengeName} challenge has no {SrpParameterNames.UserIdForSrp}.");

    private static string Required(IReadOnlyDictionary<string, string> parameters, string name, string challengeName) =>
        Optional(parameters, name) ?? throw new CognitoProtocolException($"The {challengeName} challenge has no {name}.");

    private static string? Optional(IReadOnlyDictionary<string, string> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
