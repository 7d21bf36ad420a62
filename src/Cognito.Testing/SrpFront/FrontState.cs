using System.Collections.Concurrent;

namespace Cognito.Testing.SrpFront;

/// <summary>Everything the front's handlers share. Each part is thread-safe on its own.</summary>
internal sealed class FrontState
{
    private readonly ConcurrentQueue<string> _rejections = new();

    public FrontState(SrpFrontOptions options, UpstreamClient upstream)
    {
        Options = options;
        Upstream = upstream;
        Directory = new PoolDirectory(upstream, options);
        Credentials = new CredentialStore(options.CredentialFile);
        Users = new UserResolver(upstream);
        Devices = new DeviceRegistry();
        Passkeys = new PasskeyStore();
        Sessions = new ChallengeSessions(options.TimeProvider);
        Logins = new UpstreamLogins();
        Ledger = new TokenLedger(options.TimeProvider);
        RefreshTokens = new RefreshTokens(options.TimeProvider, Ledger);
    }

    public SrpFrontOptions Options { get; }

    public TimeProvider Clock => Options.TimeProvider;

    public UpstreamClient Upstream { get; }

    public PoolDirectory Directory { get; }

    public CredentialStore Credentials { get; }

    public UserResolver Users { get; }

    public DeviceRegistry Devices { get; }

    public PasskeyStore Passkeys { get; }

    public ChallengeSessions Sessions { get; }

    public UpstreamLogins Logins { get; }

    public TokenLedger Ledger { get; }

    public RefreshTokens RefreshTokens { get; }

    public IReadOnlyList<string> Rejections => [.. _rejections];

    /// <summary>Notes why a proof was refused (never with a secret in it) and returns the fault Cognito would answer with.</summary>
    public CognitoFault Reject(string reason, CognitoFault? fault = null)
    {
        _rejections.Enqueue(reason);
        return fault ?? CognitoFault.NotAuthorized();
    }

    public void VerifySecretHash(AppClientInfo? client, string? username, string? secretHash) =>
        SecretHashCheck.Verify(client, username, secretHash, Options.CheckSecretHash);
}
