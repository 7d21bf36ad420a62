namespace Cognito.Testing;

/// <summary>
/// A pool and its app client as <see cref="LocalCognitoAdmin.CreatePoolAsync"/> creates them.
/// Every setting has a default that works for the grains: password, SRP, admin, custom and
/// refresh flows; MFA off; email auto-verified; usernames as given.
/// </summary>
public sealed record LocalPoolOptions
{
    /// <summary>The pool's name; null makes a unique one.</summary>
    public string? Name { get; init; }

    /// <summary>The app client's name; null makes a unique one.</summary>
    public string? ClientName { get; init; }

    /// <summary>Give the app client a secret (the grains then send SECRET_HASH, and the front checks it).</summary>
    public bool WithSecret { get; init; }

    /// <summary>Rotate refresh tokens in GetTokensFromRefreshToken (configure the silo with <c>UseRefreshTokenRotation</c>).</summary>
    public bool RefreshTokenRotation { get; init; }

    /// <summary>Track devices (NewDeviceMetadata, ConfirmDevice, device SRP), remembered only when the user says so.</summary>
    public bool DeviceTracking { get; init; }

    /// <summary>The first factors USER_AUTH offers (the pool's SignInPolicy); Cognito's default is PASSWORD alone.</summary>
    public IReadOnlyList<string> FirstAuthFactors { get; init; } = ["PASSWORD", "EMAIL_OTP", "WEB_AUTHN"];

    /// <summary>The passkeys' relying party (WebAuthnConfiguration.RelyingPartyId); null leaves passkeys unconfigured.</summary>
    public string? PasskeyRelyingPartyId { get; init; } = "localhost";

    /// <summary><c>OFF</c>, <c>OPTIONAL</c> or <c>ON</c>.</summary>
    public string MfaConfiguration { get; init; } = "OFF";

    /// <summary>Access token lifetime; null keeps the emulator's (an hour).</summary>
    public TimeSpan? AccessTokenValidity { get; init; }

    /// <summary>ID token lifetime; null keeps the emulator's (an hour).</summary>
    public TimeSpan? IdTokenValidity { get; init; }

    /// <summary>Sign in with these instead of a username (<c>email</c>, <c>phone_number</c>).</summary>
    public IReadOnlyList<string> UsernameAttributes { get; init; } = [];

    /// <summary>Also sign in with these (<c>email</c>, <c>phone_number</c>, <c>preferred_username</c>).</summary>
    public IReadOnlyList<string>? AliasAttributes { get; init; }

    /// <summary>
    /// Custom attributes (names without <c>custom:</c>), declared in the pool's schema as mutable
    /// strings so they can be given at sign-up and updated later, as in a Cognito pool declaring them.
    /// </summary>
    public IReadOnlyList<string> CustomAttributes { get; init; } = ["tier"];
}
