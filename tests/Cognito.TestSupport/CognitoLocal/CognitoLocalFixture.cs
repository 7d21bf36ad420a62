using Amazon.Runtime;
using Cognito.IdentityProvider;
using Cognito.IdentityProvider.Configuration;
using Xunit;

namespace Cognito.Testing.CognitoLocal;

/// <summary>
/// One <see cref="LocalCognito"/> (the shipped kit) for a test collection, with helpers to create
/// pools, clients and users through the API itself. Its clients talk to the bare emulator unless a
/// derived fixture sends them through the front (<see cref="ServiceUrl"/>).
/// </summary>
public class CognitoLocalFixture : IAsyncLifetime
{
    public const string DefaultPassword = LocalUser.DefaultPassword;

    private LocalCognito? _local;
    private LocalCognitoAdmin? _admin;

    public LocalCognito Local => _local ?? throw new InvalidOperationException("The emulator is not started.");

    public CognitoLocalServer Server => Local.Emulator;

    public HttpClient Http { get; } = new() { Timeout = Timeout.InfiniteTimeSpan };

    public static AWSCredentials DummyCredentials => LocalCognitoAdmin.Credentials;

    /// <summary>The options the kit's front starts with; override in a derived fixture to change them.</summary>
    protected virtual SrpFront.SrpFrontOptions FrontOptions => new();

    public virtual async Task InitializeAsync()
    {
        _local = await LocalCognito.StartAsync(new LocalCognitoOptions { Front = FrontOptions });
        _admin = new LocalCognitoAdmin(Http, ServiceUrl, Server);
    }

    public virtual async Task DisposeAsync()
    {
        if (_local is not null)
        {
            await _local.DisposeAsync();
        }

        Http.Dispose();
    }

    /// <summary>Where the fixture's clients (and so its pool and user helpers) send calls: the emulator, or the front before it.</summary>
    public virtual Uri ServiceUrl => Server.Url;

    public LocalCognitoAdmin Admin => _admin ?? throw new InvalidOperationException("The emulator is not started.");

    public CognitoIdentityProviderOptions Options(string? userPoolId = null) => Admin.Options(userPoolId);

    public CognitoIdentityProviderClient CreateClient(string? userPoolId = null) => Admin.CreateClient(userPoolId);

    public string UniqueName(string prefix) => Admin.UniqueName(prefix);

    /// <summary>Creates a pool and an app client (with a secret when asked) that allows password and refresh flows; devices are remembered only when asked.</summary>
    public Task<TestPool> CreatePoolAsync(bool withSecret = false, int? accessTokenMinutes = null, int? idTokenMinutes = null, IReadOnlyList<string>? usernameAttributes = null, IReadOnlyList<string>? aliasAttributes = null, string mfaConfiguration = "OFF", bool deviceTracking = false) =>
        Admin.CreatePoolAsync(new LocalPoolOptions
        {
            WithSecret = withSecret,
            AccessTokenValidity = accessTokenMinutes is { } access ? TimeSpan.FromMinutes(access) : null,
            IdTokenValidity = idTokenMinutes is { } id ? TimeSpan.FromMinutes(id) : null,
            UsernameAttributes = usernameAttributes ?? [],
            AliasAttributes = aliasAttributes,
            MfaConfiguration = mfaConfiguration,
            DeviceTracking = deviceTracking,
        });

    /// <summary>Creates a confirmed user with a permanent password through the admin API.</summary>
    public Task<string> CreateUserAsync(TestPool pool, string? username = null, string password = DefaultPassword, string? email = null) =>
        Admin.CreateUserAsync(pool, new LocalUser(username ?? UniqueName("user"), password)
        {
            Attributes = email is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["email"] = email },
        });
}
