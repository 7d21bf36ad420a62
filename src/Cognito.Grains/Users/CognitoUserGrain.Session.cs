using Cognito.Client.Errors;
using Cognito.Client.Model;
using Cognito.Grains.Logging;
using Cognito.Grains.Refresh;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;
using Cognito.IdentityProvider.Tokens;

namespace Cognito.Grains.Users;

internal sealed partial class CognitoUserGrain
{
    public Task<TokenSet> GetTokensAsync(CancellationToken cancellationToken = default)
    {
        // The hot call: a grain that owns its session (its key is already known to be the owner and
        // no alias link forwards it) and holds fresh tokens answers at once, without the routing and
        // refresh state machines. Anything else takes the full path; calls stay non-reentrant, so a
        // caller behind a refresh still waits for that one refresh.
        if (ReferenceEquals(_normalizedKey, _key) && !IsAlias && State.Tokens is { } held && IsFresh(held))
        {
            _lastUsed = time.GetUtcNow();
            return Task.FromResult(ToTokenSet(held));
        }

        return GetTokensRoutedAsync(cancellationToken);
    }

    private async Task<TokenSet> GetTokensRoutedAsync(CancellationToken cancellationToken) =>
        await RouteAsync(cancellationToken) is { } owner
            ? await owner.GetTokensAsync(cancellationToken)
            : ToTokenSet(await EnsureTokensAsync(cancellationToken));

    public async Task<bool> CheckTokenAsync(CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            return await owner.CheckTokenAsync(cancellationToken);
        }

        var tokens = HeldTokens;
        if (IsFresh(tokens))
        {
            return false;
        }

        await RefreshAsync(RefreshTrigger.Lazy, cancellationToken);
        return true;
    }

    public async Task<TokenSet> RenewAccessTokenAsync(CancellationToken cancellationToken = default) =>
        await RouteAsync(cancellationToken) is { } owner
            ? await owner.RenewAccessTokenAsync(cancellationToken)
            : ToTokenSet(await RefreshAsync(RefreshTrigger.Forced, cancellationToken));

    public async Task<VerifiedClaims> VerifyTokenAsync(string tokenUse = "access", CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            return await owner.VerifyTokenAsync(tokenUse, cancellationToken);
        }

        var tokens = await EnsureTokensAsync(cancellationToken);
        var verified = tokenUse switch
        {
            "access" => await Pool.Verifier.VerifyAccessTokenAsync(tokens.AccessToken, cancellationToken),
            "id" => await Pool.Verifier.VerifyIdTokenAsync(tokens.IdToken ?? throw new NotSignedInException($"User {_key}'s session has no ID token."), cancellationToken),
            _ => throw new InvalidParameterException("tokenUse is 'access' or 'id'."),
        };
        return new VerifiedClaims(
            verified.TokenUse == TokenUse.Id ? "id" : "access",
            verified.Subject,
            verified.Username,
            verified.ClientId,
            verified.ExpiresAt,
            verified.Groups,
            verified.Claims);
    }

    public async Task<SessionInfo> GetSessionAsync()
    {
        if (await RouteAsync(CancellationToken.None) is { } owner)
        {
            return await owner.GetSessionAsync();
        }

        var pending = State.Challenge is { } c ? ToPending(ToAuthChallenge(c)) : null;
        return new SessionInfo(State.Tokens is not null, State.Username, _key, State.Tokens?.ExpiresAt, State.Tokens?.HasRefreshToken == true, pending, State.Device?.DeviceKey);
    }

    public async Task LogoutAsync(CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.LogoutAsync(cancellationToken);
            return;
        }

        if (State.Tokens is null && State.Sessions is not { Count: > 0 })
        {
            return;
        }

        string? subject = null;
        try
        {
            if (await UserWideAccessTokenAsync(cancellationToken) is { } accessToken)
            {
                subject = UnverifiedTokenReader.TryReadUnverified(accessToken, out var claims) ? claims.Subject : null;
                await Pool.Client.GlobalSignOutAsync(new GlobalSignOutRequest { AccessToken = accessToken }, cancellationToken);
            }
        }
        catch (NotSignedInException)
        {
            // Nothing left to sign out of.
        }
        catch (NotAuthorizedException)
        {
            // Cognito already considers these tokens signed out.
        }

        // Cleared only after Cognito agreed: a failed sign-out keeps the session rather than leaking it.
        await EndEverywhereAsync(subject);
        GrainLog.SignedOut(logger, _key);
    }

    public async Task RevokeSessionAsync(CancellationToken cancellationToken = default)
    {
        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.RevokeSessionAsync(cancellationToken);
            return;
        }

        var ended = State.Tokens is not null ? RevokedEntries() : [];
        await RevokeRefreshTokenAsync(cancellationToken);
        await EndSessionAsync();
        await PublishAsync(ended);
        GrainLog.SignedOut(logger, _key);
    }

    /// <summary>RevokeToken on the held refresh token, when there is one: Cognito ends this session only.</summary>
    private async Task RevokeRefreshTokenAsync(CancellationToken cancellationToken)
    {
        if (State.Tokens is { RefreshToken: { } refresh })
        {
            await Pool.Client.RevokeTokenAsync(new RevokeTokenRequest { ClientId = Pool.App.ClientId, ClientSecret = Pool.App.ClientSecret, Token = refresh }, cancellationToken);
        }
    }
}
