using Cognito.IdentityProvider;
using Cognito.Testing.CognitoLocal;
using Cognito.Testing.SrpFront;

namespace Cognito.Testing;

/// <summary>
/// A local Cognito for tests and development: a real cognito-local on a free loopback port, and the
/// SRP front before it (<see cref="ServiceUrl"/>), which adds what the emulator lacks (USER_SRP_AUTH,
/// devices, global sign-out, refresh-token rotation), answers with Cognito's own errors where the
/// emulator differs, and injects <see cref="Faults"/> on demand. Every code it sends (confirmation,
/// verification, password reset, SMS/email MFA) is <see cref="Code"/>.
/// </summary>
public sealed class LocalCognito : IAsyncDisposable
{
    /// <summary>Every confirmation, verification, forgot-password and SMS/email MFA code; a generated temporary password too.</summary>
    public const string Code = CognitoLocalServer.Code;

    private const string CredentialFileName = "srp-front-credentials.json";

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private LocalCognito(CognitoLocalServer emulator, SrpFront.SrpFront front)
    {
        Emulator = emulator;
        Front = front;
        Admin = new LocalCognitoAdmin(_http, front.Url, emulator);
    }

    /// <summary>The cognito-local process.</summary>
    public CognitoLocalServer Emulator { get; }

    /// <summary>The SRP front before it: call counts, devices, rotation and device-tracking switches.</summary>
    public SrpFront.SrpFront Front { get; }

    /// <summary>Where clients and silos send their calls (the front).</summary>
    public Uri ServiceUrl => Front.Url;

    /// <summary>The failures the front injects, switchable while it runs.</summary>
    public FrontFaults Faults => Front.Faults;

    /// <summary>Creates pools, app clients and users through the front.</summary>
    public LocalCognitoAdmin Admin { get; }

    /// <summary>Where the emulator's data lives.</summary>
    public string DataDirectory => Emulator.DataDirectory;

    /// <summary>Whether <see cref="DataDirectory"/> is deleted on dispose.</summary>
    public bool IsTemporary => Emulator.IsTemporary;

    /// <summary>Starts cognito-local (installing it with npm on first use) and the front before it.</summary>
    public static async Task<LocalCognito> StartAsync(LocalCognitoOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalCognitoOptions();
        var emulator = await CognitoLocalServer.StartAsync(options.DataDirectory, options.Progress, cancellationToken);
        try
        {
            var frontOptions = options.DataDirectory is null ? options.Front : options.Front with { CredentialFile = Path.Combine(emulator.DataDirectory, CredentialFileName) };
            var front = await SrpFront.SrpFront.StartAsync(emulator, frontOptions, cancellationToken);
            return new LocalCognito(emulator, front);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the Cognito API through the front.</summary>
    public CognitoIdentityProviderClient CreateClient(string? userPoolId = null) => Admin.CreateClient(userPoolId);

    /// <inheritdoc cref="LocalCognitoAdmin.CreatePoolAsync"/>
    public Task<TestPool> CreatePoolAsync(LocalPoolOptions? options = null, CancellationToken cancellationToken = default) =>
        Admin.CreatePoolAsync(options, cancellationToken);

    /// <inheritdoc cref="LocalCognitoAdmin.CreateUserAsync"/>
    public Task<string> CreateUserAsync(TestPool pool, LocalUser user, CancellationToken cancellationToken = default) =>
        Admin.CreateUserAsync(pool, user, cancellationToken);

    /// <summary>
    /// The silo configuration (<c>Cognito:Pools:{name}:*</c>) that serves <paramref name="pool"/>
    /// under <paramref name="name"/> through the front. Set <paramref name="refreshTokenRotation"/>
    /// for a pool created with <see cref="LocalPoolOptions.RefreshTokenRotation"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> SiloConfiguration(string name, TestPool pool, bool refreshTokenRotation = false, bool usernameCaseSensitive = true)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var at = $"Cognito:Pools:{name}:";
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [at + "UserPoolId"] = pool.UserPoolId,
            [at + "ClientId"] = pool.ClientId,
            [at + "ClientSecret"] = pool.ClientSecret,
            [at + "ServiceUrl"] = ServiceUrl.ToString(),
            [at + "Issuer"] = pool.Issuer,
            [at + "AccessKeyId"] = LocalCognitoAdmin.AccessKeyId,
            [at + "SecretAccessKey"] = LocalCognitoAdmin.SecretAccessKey,
            [at + "UsernameCaseSensitive"] = usernameCaseSensitive ? "true" : "false",
            [at + "UseRefreshTokenRotation"] = refreshTokenRotation ? "true" : "false",
        };
    }

    /// <summary>Stops the front and the emulator.</summary>
    public async ValueTask DisposeAsync()
    {
        await Front.DisposeAsync();
        await Emulator.DisposeAsync();
        _http.Dispose();
    }
}
