namespace Cognito.Testing.SrpFront;

/// <summary>
/// Device tracking of a pool. With <see cref="RememberOnUserPromptOnly"/> a confirmed device stays
/// "not_remembered" (ConfirmDevice answers UserConfirmationNecessary) until UpdateDeviceStatus.
/// </summary>
public sealed record DeviceTrackingMode(bool RememberOnUserPromptOnly);
