using Cognito.Client.Model;
using Cognito.IdentityProvider.Authentication;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;

namespace Cognito.Grains.Users;

/// <summary>Passkeys and sign-in factors of the signed-in user, with this grain's access token.</summary>
internal sealed partial class CognitoUserGrain
{
    public async Task<string> StartPasskeyRegistrationAsync(CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            return await owner.StartPasskeyRegistrationAsync(cancellationToken);
        }

        var tokens = await EnsureTokensAsync(cancellationToken);
        var started = await Pool.Client.StartWebAuthnRegistrationAsync(new StartWebAuthnRegistrationRequest { AccessToken = tokens.AccessToken }, cancellationToken);
        return started.CredentialCreationOptions.GetRawText();
    }

    public async Task CompletePasskeyRegistrationAsync(string credentialJson, CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.CompletePasskeyRegistrationAsync(credentialJson, cancellationToken);
            return;
        }

        var credential = BrowserCredentialJson.ParseObject(credentialJson, "A passkey registration is completed with the JSON object of the browser's new PublicKeyCredential.");
        var tokens = await EnsureTokensAsync(cancellationToken);
        await Pool.Client.CompleteWebAuthnRegistrationAsync(new CompleteWebAuthnRegistrationRequest { AccessToken = tokens.AccessToken, Credential = credential }, cancellationToken);
    }

    public async Task<IReadOnlyList<PasskeyInfo>> ListPasskeysAsync(CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            return await owner.ListPasskeysAsync(cancellationToken);
        }

        var tokens = await EnsureTokensAsync(cancellationToken);
        var passkeys = new List<PasskeyInfo>();
        string? next = null;
        do
        {
            var page = await Pool.Client.ListWebAuthnCredentialsAsync(new ListWebAuthnCredentialsRequest { AccessToken = tokens.AccessToken, NextToken = next }, cancellationToken);
            passkeys.AddRange(page.Credentials.Select(c => new PasskeyInfo(c.CredentialId, c.FriendlyCredentialName, c.RelyingPartyId, c.AuthenticatorAttachment, c.AuthenticatorTransports, c.CreatedAt)));
            next = page.NextToken;
        }
        while (next is not null);

        return passkeys;
    }

    public async Task DeletePasskeyAsync(string credentialId, CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.DeletePasskeyAsync(credentialId, cancellationToken);
            return;
        }

        if (string.IsNullOrWhiteSpace(credentialId))
        {
            throw new InvalidParameterException("A passkey is deleted by its credential id.");
        }

        var tokens = await EnsureTokensAsync(cancellationToken);
        await Pool.Client.DeleteWebAuthnCredentialAsync(new DeleteWebAuthnCredentialRequest { AccessToken = tokens.AccessToken, CredentialId = credentialId }, cancellationToken);
    }

    public async Task<AuthFactors> GetAuthFactorsAsync(CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            return await owner.GetAuthFactorsAsync(cancellationToken);
        }

        var tokens = await EnsureTokensAsync(cancellationToken);
        var factors = await Pool.Client.GetUserAuthFactorsAsync(new GetUserAuthFactorsRequest { AccessToken = tokens.AccessToken }, cancellationToken);
        return new AuthFactors(factors.ConfiguredUserAuthFactors ?? [], factors.UserMFASettingList ?? [], factors.PreferredMfaSetting);
    }
}
