using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>
/// Pools and app clients as the front knows them. Learned from responses that pass through
/// (CreateUserPoolClient, DescribeUserPoolClient, ...) and, for a client it never saw, looked up
/// with ListUserPools + ListUserPoolClients. Settings cognito-local does not keep (refresh-token
/// rotation) are learned from the requests.
/// </summary>
internal sealed class PoolDirectory(UpstreamClient upstream, SrpFrontOptions options)
{
    private readonly ConcurrentDictionary<string, AppClientInfo> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PoolInfo> _pools = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RotationSetting> _rotation = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DeviceTrackingMode> _deviceOverrides = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WebAuthnSetting> _webAuthn = new(StringComparer.Ordinal);

    /// <summary>Learns from a <c>UserPoolClient</c> object of a response.</summary>
    public void LearnClient(JsonObject? client)
    {
        if (client.Str("ClientId") is { } id && client.Str("UserPoolId") is { } pool)
        {
            _clients[id] = new AppClientInfo(id, pool, client.Str("ClientSecret"), client.Str("PreventUserExistenceErrors") == "ENABLED", [.. client.Strings("ExplicitAuthFlows")]);
        }
    }

    /// <summary>Learns rotation from the <c>RefreshTokenRotation</c> member of a Create/UpdateUserPoolClient request.</summary>
    public void LearnRotation(string clientId, JsonObject? rotation)
    {
        if (rotation is null)
        {
            return;
        }

        var grace = rotation.Int("RetryGracePeriodSeconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : options.RotationGracePeriod;
        _rotation[clientId] = new RotationSetting(rotation.Str("Feature") == "ENABLED", grace);
    }

    /// <summary>Learns the passkey settings from a SetUserPoolMfaConfig request's <c>WebAuthnConfiguration</c>.</summary>
    public void LearnWebAuthn(string userPoolId, JsonObject? configuration)
    {
        if (configuration.Str("RelyingPartyId") is { Length: > 0 } relyingParty)
        {
            _webAuthn[userPoolId] = new WebAuthnSetting(relyingParty, configuration.Str("UserVerification") == "required");
        }
    }

    /// <summary>The pool's passkey settings, or null when it has no relying party configured.</summary>
    public WebAuthnSetting? WebAuthnOf(string userPoolId) => _webAuthn.GetValueOrDefault(userPoolId);

    public void SetRotation(string clientId, RotationSetting setting) => _rotation[clientId] = setting;

    public void SetDeviceTracking(string userPoolId, DeviceTrackingMode? mode)
    {
        if (mode is null)
        {
            _deviceOverrides.TryRemove(userPoolId, out _);
        }
        else
        {
            _deviceOverrides[userPoolId] = mode;
        }
    }

    public void ForgetPool(string userPoolId) => _pools.TryRemove(userPoolId, out _);

    public RotationSetting RotationOf(string clientId) =>
        _rotation.TryGetValue(clientId, out var setting) ? setting with { Enabled = setting.Enabled || options.RefreshTokenRotation } : new RotationSetting(options.RefreshTokenRotation, options.RotationGracePeriod);

    /// <summary>Device tracking of a pool, or null when it tracks none.</summary>
    public DeviceTrackingMode? DeviceTrackingOf(PoolInfo pool) =>
        _deviceOverrides.TryGetValue(pool.UserPoolId, out var mode) ? mode
        : pool.DeviceConfiguration ?? (options.DeviceTracking ? new DeviceTrackingMode(false) : null);

    public async Task<AppClientInfo> GetClientAsync(string clientId, CancellationToken cancellationToken) =>
        await FindClientAsync(clientId, cancellationToken)
        ?? throw CognitoFault.ResourceNotFound($"User pool client {clientId} does not exist.");

    /// <summary>The client, or null when cognito-local has none by that id (the caller then lets cognito-local answer).</summary>
    public async Task<AppClientInfo?> FindClientAsync(string? clientId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(clientId))
        {
            return null;
        }

        if (_clients.TryGetValue(clientId, out var known))
        {
            return known;
        }

        var pools = await upstream.CallAsync("ListUserPools", new JsonObject { ["MaxResults"] = 60 }, cancellationToken);
        foreach (var pool in (pools["UserPools"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (pool.Str("Id") is not { } poolId)
            {
                continue;
            }

            var clients = await upstream.CallAsync("ListUserPoolClients", new JsonObject { ["UserPoolId"] = poolId, ["MaxResults"] = 60 }, cancellationToken);
            foreach (var client in (clients["UserPoolClients"] as JsonArray ?? []).OfType<JsonObject>())
            {
                LearnClient(client);
            }
        }

        return _clients.GetValueOrDefault(clientId);
    }

    public async Task<PoolInfo> GetPoolAsync(string userPoolId, CancellationToken cancellationToken)
    {
        if (_pools.TryGetValue(userPoolId, out var known))
        {
            return known;
        }

        var described = await upstream.CallAsync("DescribeUserPool", new JsonObject { ["UserPoolId"] = userPoolId }, cancellationToken);
        var pool = described.Obj("UserPool");
        var devices = pool.Obj("DeviceConfiguration") is { } configuration
            ? new DeviceTrackingMode(configuration.TryGetPropertyValue("DeviceOnlyRememberedOnUserPrompt", out var prompt) && prompt is JsonValue flag && flag.TryGetValue<bool>(out var onPrompt) && onPrompt)
            : null;
        var firstFactors = pool.Obj("Policies").Obj("SignInPolicy").Strings("AllowedFirstAuthFactors").ToList();
        var info = new PoolInfo(userPoolId, [.. pool.Strings("AliasAttributes")], [.. pool.Strings("UsernameAttributes")], devices, firstFactors);
        return _pools.GetOrAdd(userPoolId, info);
    }
}
