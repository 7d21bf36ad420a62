namespace Cognito.Client.Model;

/// <summary>The answer to a registration: whether the user is already confirmed, their <c>sub</c>, and where the code went.</summary>
[GenerateSerializer, Immutable, Alias("Cognito.RegistrationResult")]
public sealed record RegistrationResult(
    [property: Id(0)] bool UserConfirmed,
    [property: Id(1)] string UserSub,
    [property: Id(2)] CodeDelivery? CodeDelivery);
