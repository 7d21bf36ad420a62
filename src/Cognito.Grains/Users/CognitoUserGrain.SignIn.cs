using Cognito.Client.Errors;
using Cognito.Client.Model;
using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Srp;

namespace Cognito.Grains.Users;

internal sealed partial class CognitoUserGrain
{
    public async Task<SignInResult> AuthenticateAsync(string password, CancellationToken cancellationToken = default) =>
        await RouteSpellingAsync(cancellationToken) is { } owner
            ? await owner.AuthenticateAsync(password, cancellationToken)
            : await StartAsync(AuthFlowType.UserSrpAuth, password, null, cancellationToken);

    public async Task<SignInResult> AdminAuthenticateAsync(string password, CancellationToken cancellationToken = default) =>
        await RouteSpellingAsync(cancellationToken) is { } owner
            ? await owner.AdminAuthenticateAsync(password, cancellationToken)
            : await StartAsync(AuthFlowType.AdminUserPasswordAuth, password, null, cancellationToken);

    public async Task<SignInResult> AuthenticateWithFlowAsync(string authFlow, string? password, CancellationToken cancellationToken = default) =>
        await RouteSpellingAsync(cancellationToken) is { } owner
            ? await owner.AuthenticateWithFlowAsync(authFlow, password, cancellationToken)
            : await StartAsync(authFlow, password, null, cancellationToken);

    public async Task<SignInResult> StartCustomAuthAsync(string? password = null, IReadOnlyDictionary<string, string>? clientMetadata = null, CancellationToken cancellationToken = default) =>
        await RouteSpellingAsync(cancellationToken) is { } owner
            ? await owner.StartCustomAuthAsync(password, clientMetadata, cancellationToken)
            : await StartAsync(AuthFlowType.CustomAuth, password, clientMetadata, cancellationToken);

    private Task<SignInResult> StartAsync(string flow, string? password, IReadOnlyDictionary<string, string>? clientMetadata, CancellationToken cancellationToken) =>
        MeasureSignInAsync(flow, () => SignInAsync(
            (loginName, device) => Pool.Authenticator.StartAsync(flow, loginName, password, device, clientMetadata, cancellationToken),
            clientMetadata,
            cancellationToken));

    /// <summary>A first sign-in step (any flow) with this grain's login name and remembered device, kept by <see cref="AcceptAsync"/>.</summary>
    private async Task<SignInResult> SignInAsync(Func<string, DeviceSecrets?, Task<AuthStep>> start, IReadOnlyDictionary<string, string>? clientMetadata, CancellationToken cancellationToken)
    {
        // Through an alias the sign-in names the alias, so Cognito resolves it now rather than a link remembering it.
        var loginName = IsAlias ? _keyUsername : Username;
        var (stored, own) = await DeviceForSignInAsync(cancellationToken);
        var device = stored?.Secrets;
        AuthStep step;
        try
        {
            step = await start(loginName, device);
        }
        catch (ResourceNotFoundException) when (device is not null)
        {
            // The device was forgotten elsewhere: drop it and sign in without it, or the user stays locked out.
            if (own)
            {
                State.Device = null;
                await SaveAsync();
            }

            step = await start(loginName, null);
        }

        return await AcceptAsync(step, clientMetadata, cancellationToken);
    }

    /// <summary>This grain's remembered device (its own or one given to it), or, through an alias, the device of the user it still confirms.</summary>
    private async Task<(StoredDevice? Device, bool Own)> DeviceForSignInAsync(CancellationToken cancellationToken)
    {
        if (!IsAlias || State.Device is not null)
        {
            return (State.Device, true);
        }

        return await ConfirmedLinkAsync(cancellationToken) is { } linked
            ? (await GrainFactory.GetGrain<ISessionOwner>(linked).GetDeviceAsync(), false)
            : (null, false);
    }

    public async Task<SignInResult> RespondToNewPasswordAsync(string newPassword, IReadOnlyDictionary<string, string>? attributes = null, IReadOnlyDictionary<string, string>? attributeMap = null, CancellationToken cancellationToken = default) =>
        await RouteAsync(cancellationToken) is { } owner
            ? await owner.RespondToNewPasswordAsync(newPassword, attributes, attributeMap, cancellationToken)
            : await AnswerAsync([ChallengeNameType.NewPasswordRequired], new NewPasswordAnswer(newPassword, AttributeMapping.ToCognito(attributes, attributeMap)), cancellationToken);

    public async Task<SignInResult> RespondToMfaAsync(string code, CancellationToken cancellationToken = default) =>
        await RouteAsync(cancellationToken) is { } owner
            ? await owner.RespondToMfaAsync(code, cancellationToken)
            : await AnswerAsync([ChallengeNameType.SmsMfa, ChallengeNameType.SoftwareTokenMfa, ChallengeNameType.EmailOtp, ChallengeNameType.SmsOtp], new MfaCodeAnswer(code), cancellationToken);

    public async Task<SignInResult> SelectMfaTypeAsync(string mfaType, CancellationToken cancellationToken = default) =>
        await RouteAsync(cancellationToken) is { } owner
            ? await owner.SelectMfaTypeAsync(mfaType, cancellationToken)
            : await AnswerAsync([ChallengeNameType.SelectMfaType], new SelectMfaTypeAnswer(mfaType), cancellationToken);

    public async Task<string> BeginMfaSetupAsync(CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            return await owner.BeginMfaSetupAsync(cancellationToken);
        }

        var pending = PendingFor([ChallengeNameType.MfaSetup]);
        var (secret, next) = await Pool.Authenticator.BeginSoftwareTokenSetupAsync(ToAuthChallenge(pending), cancellationToken);
        State.Challenge = pending with { Session = next.Session, ExpiresAt = next.ExpiresAt };
        await SaveAsync();
        return secret;
    }

    public async Task<SignInResult> CompleteMfaSetupAsync(string code, string? friendlyDeviceName = null, CancellationToken cancellationToken = default) =>
        await RouteAsync(cancellationToken) is { } owner
            ? await owner.CompleteMfaSetupAsync(code, friendlyDeviceName, cancellationToken)
            : await AnswerAsync([ChallengeNameType.MfaSetup], new MfaSetupAnswer(code, friendlyDeviceName), cancellationToken);

    public async Task<SignInResult> RespondToCustomChallengeAsync(string answer, IReadOnlyDictionary<string, string>? extra = null, CancellationToken cancellationToken = default) =>
        await RouteAsync(cancellationToken) is { } owner
            ? await owner.RespondToCustomChallengeAsync(answer, extra, cancellationToken)
            : await AnswerAsync([ChallengeNameType.CustomChallenge], new CustomChallengeAnswer(answer, extra), cancellationToken);

    public async Task<SignInResult> SignInWithTokensAsync(TokenSet tokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            return await owner.SignInWithTokensAsync(tokens, cancellationToken);
        }

        // Tokens from elsewhere are trusted only once their signature, issuer, client and lifetime check out.
        var access = await Pool.Verifier.VerifyAccessTokenAsync(tokens.AccessToken, cancellationToken);
        if (tokens.IdToken is { } idToken)
        {
            // Tokens from InitiateAuth carry no at_hash (only hosted-UI ones do): the subjects bind them.
            var id = await Pool.Verifier.VerifyIdTokenAsync(idToken, cancellationToken);
            if (id.Subject != access.Subject)
            {
                throw new InvalidParameterException("The ID and access tokens belong to different users.");
            }
        }

        var username = access.Username ?? throw new InvalidParameterException("The access token names no username.");
        if (await OwnerKeyForAsync(username, cancellationToken) != _key)
        {
            // Only a sign-in through this key that Cognito answered can make it stand for another user.
            throw new TokensForAnotherUserException($"The tokens belong to another user than {_key}; the key's session is unchanged.");
        }

        var step = new AuthSucceeded(new CognitoTokens(tokens.AccessToken, tokens.IdToken, tokens.RefreshToken, access.ExpiresAt, tokens.TokenType), username);
        return await AcceptAsync(step, null, cancellationToken);
    }

    private Task<SignInResult> AnswerAsync(string[] expected, ChallengeAnswer answer, CancellationToken cancellationToken)
    {
        var pending = PendingFor(expected);
        return MeasureAnswerAsync(pending.Name, () => SendAnswerAsync(pending, answer, cancellationToken));
    }

    private async Task<SignInResult> SendAnswerAsync(StoredChallenge pending, ChallengeAnswer answer, CancellationToken cancellationToken)
    {
        var device = State.Device?.Secrets;
        AuthStep step;
        try
        {
            step = await Pool.Authenticator.RespondAsync(ToAuthChallenge(pending), answer, device, pending.ClientMetadata, cancellationToken);
        }
        catch (NotAuthorizedException)
        {
            // The challenge's session is spent or expired: the sign-in must start again.
            State.Challenge = null;
            await SaveAsync();
            throw;
        }

        return await AcceptAsync(step, pending.ClientMetadata, cancellationToken);
    }

    private StoredChallenge PendingFor(string[] expected)
    {
        var pending = State.Challenge ?? throw new NoPendingChallengeException($"User {_key} is not waiting for a challenge answer: sign in first.");
        if (!expected.Contains(pending.Name))
        {
            throw new NoPendingChallengeException($"User {_key} is waiting for {pending.Name}, not {string.Join(" or ", expected)}.");
        }

        return pending;
    }

    private static AuthChallenge ToAuthChallenge(StoredChallenge pending) =>
        new(pending.Name, pending.Session, pending.Username, pending.Parameters, pending.Admin, pending.ExpiresAt, pending.AvailableChallenges);
}
