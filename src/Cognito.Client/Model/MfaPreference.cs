namespace Cognito.Client.Model;

/// <summary>Which MFA methods a user has enabled and which one Cognito asks for first.</summary>
[GenerateSerializer, Immutable, Alias("Cognito.MfaPreference")]
public sealed record MfaPreference(
    [property: Id(0)] bool? SmsEnabled = null,
    [property: Id(1)] bool? SoftwareTokenEnabled = null,
    [property: Id(2)] bool? EmailEnabled = null,
    [property: Id(3)] string? Preferred = null);
