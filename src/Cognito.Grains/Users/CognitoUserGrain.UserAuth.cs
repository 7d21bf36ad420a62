using Cognito.Client.Model;
using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Model;

namespace Cognito.Grains.Users;

/// <summary>Choice-based sign-in (USER_AUTH): a password, SRP, a one-time code or a passkey, named up front or chosen.</summary>
internal sealed partial class CognitoUserGrain
{
    public async Task<SignInResult> StartUserAuthAsync(string? preferredChallenge = null, string? password = null, CancellationToken cancellationToken = default) =>
        await RouteSpellingAsync(cancellationToken) is { } owner
            ? await owner.StartUserAuthAsync(preferredChallenge, password, cancellationToken)
            : await MeasureSignInAsync(AuthFlowType.UserAuth, () => SignInAsync(
                (loginName, device) => Pool.Authenticator.StartUserAuthAsync(loginName, preferredChallenge, password, device, null, cancellationToken),
                null,
                cancellationToken));

    public async Task<SignInResult> SelectChallengeAsync(string challenge, string? password = null, CancellationToken cancellationToken = default) =>
        await RouteAsync(cancellationToken) is { } owner
            ? await owner.SelectChallengeAsync(challenge, password, cancellationToken)
            : await AnswerAsync([ChallengeNameType.SelectChallenge], new SelectChallengeAnswer(challenge, password), cancellationToken);

    public async Task<SignInResult> RespondToWebAuthnAsync(string credentialJson, CancellationToken cancellationToken = default) =>
        await RouteAsync(cancellationToken) is { } owner
            ? await owner.RespondToWebAuthnAsync(credentialJson, cancellationToken)
            : await AnswerAsync([ChallengeNameType.WebAuthn], new WebAuthnAnswer(credentialJson), cancellationToken);
}
