using Cognito.Client.Errors;
using Cognito.Client.Grains;
using Cognito.Grains.Logging;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;

namespace Cognito.Grains.Users;

/// <summary>
/// Which grain owns the session a key names. Two relations make a key forward: the pool's own
/// case-folding (deterministic), and an alias link, which only a sign-in through the key that
/// Cognito answered with another internal username creates. A link is re-confirmed with its owner
/// at least every <c>AliasRecheckInterval</c>, and dropped as soon as the owner's user no longer
/// has the alias, so a moved or deleted alias never serves the old owner.
/// </summary>
internal sealed partial class CognitoUserGrain
{
    // Each alias attribute, with the flag that must say "true" for Cognito to sign in by it.
    private static readonly (string Name, string? Verified)[] AliasAttributes =
        [("email", "email_verified"), ("phone_number", "phone_number_verified"), ("preferred_username", null)];

    private HashSet<string>? _aliases;
    private DateTimeOffset _aliasesReadAt;

    /// <summary>The grain that owns this user's session, when it is not this one.</summary>
    private async ValueTask<ICognitoUserGrain?> RouteAsync(CancellationToken cancellationToken)
    {
        if (await RouteSpellingAsync(cancellationToken) is { } spelling)
        {
            return spelling;
        }

        return await ConfirmedLinkAsync(cancellationToken) is { } linked ? GrainFactory.GetGrain<ICognitoUserGrain>(linked) : null;
    }

    /// <summary>
    /// Sign-ins go to Cognito under the name they were asked for, so only the pool's case-folding
    /// forwards them: an alias is resolved by Cognito afresh at every sign-in.
    /// </summary>
    private async ValueTask<ICognitoUserGrain?> RouteSpellingAsync(CancellationToken cancellationToken)
    {
        if (_normalizedKey is null)
        {
            var normalized = await OwnerKeyForAsync(_keyUsername, cancellationToken);
            // Held for the activation's life: the key itself when they are equal, not a second copy.
            _normalizedKey = normalized == _key ? _key : normalized;
        }

        var own = _normalizedKey;
        return own == _key ? null : GrainFactory.GetGrain<ICognitoUserGrain>(own);
    }

    private bool IsAlias => State.OwnerKey is { } linked && linked != _key;

    // A session key's owner is the same session (same handle) under the owning spelling.
    private async Task<string> OwnerKeyForAsync(string internalUsername, CancellationToken cancellationToken) =>
        _sessionHandle is null
            ? await UserKeyForAsync(internalUsername, cancellationToken)
            : CognitoSessions.KeyOf(await UserKeyForAsync(internalUsername, cancellationToken), _sessionHandle);

    private async Task<string> UserKeyForAsync(string internalUsername, CancellationToken cancellationToken) =>
        GrainKeys.User(_poolName, await Pool.NormalizeAsync(internalUsername, cancellationToken));

    /// <summary>The alias link's owner while it still confirms the alias; a link it no longer confirms is dropped.</summary>
    private async ValueTask<string?> ConfirmedLinkAsync(CancellationToken cancellationToken)
    {
        if (State.OwnerKey is not { } linked || linked == _key)
        {
            return null;
        }

        if (time.GetUtcNow() < _linkConfirmedUntil)
        {
            return linked;
        }

        if (await GrainFactory.GetGrain<ISessionOwner>(linked).ConfirmAliasAsync(_keyUsername, cancellationToken) is { } until)
        {
            _linkConfirmedUntil = until;
            return linked;
        }

        State.OwnerKey = null;
        State.Username = null;
        _linkConfirmedUntil = default;
        await SaveAsync();
        GrainLog.AliasDropped(logger, _key, linked);
        return null;
    }

    public async Task<DateTimeOffset?> ConfirmAliasAsync(string alias, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (State.Tokens is null)
        {
            // A challenge Cognito issued through the alias is still being answered; with no session at all, the link serves nothing.
            return State.Challenge is { } challenge && now < challenge.ExpiresAt ? challenge.ExpiresAt : null;
        }

        var interval = Pool.Options.AliasRecheckInterval;
        if (_aliases is null || now >= _aliasesReadAt + interval)
        {
            if (await ReadAliasesAsync(cancellationToken) is not { } aliases)
            {
                return null;
            }

            (_aliases, _aliasesReadAt) = (aliases, now);
        }

        return _aliases.Contains(alias) ? _aliasesReadAt + interval : null;
    }

    /// <summary>
    /// The names Cognito signs this user in by besides the username, as its own GetUser tells now:
    /// a verified email or phone number, and the preferred username. Null when Cognito no longer
    /// knows the user or refuses the session's access token.
    /// </summary>
    private async Task<HashSet<string>?> ReadAliasesAsync(CancellationToken cancellationToken)
    {
        GetUserResponse user;
        try
        {
            var tokens = await EnsureTokensAsync(cancellationToken);
            user = await Pool.Client.GetUserAsync(new GetUserRequest { AccessToken = tokens.AccessToken }, cancellationToken);
        }
        catch (Exception e) when (e is NotSignedInException or NotAuthorizedException or UserNotFoundException)
        {
            return null;
        }

        var attributes = ModelMapping.Pairs(user.UserAttributes).ToDictionary(StringComparer.Ordinal);

        // Cognito matches alias values without regard to case; a link is only ever kept by this, never made.
        var aliases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, verified) in AliasAttributes)
        {
            if (attributes.TryGetValue(name, out var value) && (verified is null || (attributes.TryGetValue(verified, out var flag) && flag == "true")))
            {
                aliases.Add(value);
            }
        }

        return aliases;
    }

    public Task<StoredDevice?> GetDeviceAsync() => Task.FromResult(State.Device);
}
