namespace Cognito.Client.Model;

/// <summary>Which users <c>GetUsersAsync</c> lists: a ListUsers filter (for example <c>email ^= "bob"</c>), and the attributes to return.</summary>
[GenerateSerializer, Immutable, Alias("Cognito.UserQuery")]
public sealed record UserQuery(
    [property: Id(0)] string? Filter = null,
    [property: Id(1)] IReadOnlyList<string>? AttributesToGet = null,
    [property: Id(2)] IReadOnlyDictionary<string, string>? AttributeMap = null);
