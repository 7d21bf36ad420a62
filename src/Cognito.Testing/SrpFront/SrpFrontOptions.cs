using Cognito.Testing.CognitoLocal;

namespace Cognito.Testing.SrpFront;

/// <summary>How the SRP front behaves beyond plain Cognito. Every setting has the AWS-like default.</summary>
public sealed record SrpFrontOptions
{
    /// <summary>
    /// Track devices in every pool (NewDeviceMetadata, ConfirmDevice, device SRP). A pool created
    /// with a <c>DeviceConfiguration</c>, or named in <see cref="SrpFront.TrackDevices"/>, tracks
    /// devices whatever this says.
    /// </summary>
    public bool DeviceTracking { get; init; }

    /// <summary>
    /// Rotate refresh tokens for every app client in GetTokensFromRefreshToken. A client created or
    /// updated with <c>RefreshTokenRotation.Feature = ENABLED</c> (or named in
    /// <see cref="SrpFront.RotateRefreshTokens"/>) rotates whatever this says.
    /// </summary>
    public bool RefreshTokenRotation { get; init; }

    /// <summary>How long a rotated-out refresh token still works (AWS: RetryGracePeriodSeconds, 0–60 s).</summary>
    public TimeSpan RotationGracePeriod { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// The front's clock: the SRP TIMESTAMP check, session expiry, the rotation grace period,
    /// access-token expiry and device dates.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How far an SRP TIMESTAMP may be from the front's clock.</summary>
    public TimeSpan MaxClockSkew { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a challenge session the front issues stays usable (AWS: 3–15 minutes).</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Check SECRET_HASH (and GetTokensFromRefreshToken's ClientSecret) for app clients with a secret; cognito-local never does.</summary>
    public bool CheckSecretHash { get; init; } = true;

    /// <summary>Refuse access tokens whose <c>exp</c> has passed, as AWS does (cognito-local accepts them).</summary>
    public bool RejectExpiredAccessTokens { get; init; } = true;

    /// <summary>
    /// A file where the front keeps the SRP verifiers it derives (and the passwords, which it needs
    /// to get real tokens from cognito-local), read back at start; null keeps them in memory only.
    /// Set it beside a kept cognito-local data directory, or users created before a restart cannot
    /// sign in with SRP.
    /// </summary>
    public string? CredentialFile { get; init; }

    /// <summary>The loopback port the front listens on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The code USER_AUTH's EMAIL_OTP and SMS_OTP factors "send" (cognito-local sends its MFA codes as this too).</summary>
    public string OneTimeCode { get; init; } = CognitoLocalServer.Code;

    /// <summary>The password cognito-local gives a user created without TemporaryPassword (its CODE).</summary>
    public string DefaultTemporaryPassword { get; init; } = CognitoLocalServer.Code;
}
