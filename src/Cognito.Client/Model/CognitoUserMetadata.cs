namespace Cognito.Client.Model;

/// <summary>The metadata part of a user (warrant's <c>metadata</c> argument to <c>get_user_obj</c>).</summary>
[GenerateSerializer, Immutable, Alias("Cognito.CognitoUserMetadata")]
public sealed record CognitoUserMetadata(
    [property: Id(0)] string? UserStatus = null,
    [property: Id(1)] bool? Enabled = null,
    [property: Id(2)] string? PreferredMfa = null,
    [property: Id(3)] IReadOnlyList<string>? MfaMethods = null,
    [property: Id(4)] DateTimeOffset? CreatedAt = null,
    [property: Id(5)] DateTimeOffset? ModifiedAt = null);
