namespace Cognito.Testing.SrpFront;

/// <summary>Refresh-token rotation of an app client and the grace period of a rotated-out token.</summary>
public sealed record RotationSetting(bool Enabled, TimeSpan GracePeriod);
