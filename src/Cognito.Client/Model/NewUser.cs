namespace Cognito.Client.Model;

/// <summary>An administrator-created user (AdminCreateUser).</summary>
/// <param name="TemporaryPassword">Null lets Cognito generate one.</param>
/// <param name="SuppressMessage">True sends no invitation (MessageAction SUPPRESS).</param>
[GenerateSerializer, Immutable, Alias("Cognito.NewUser")]
public sealed record NewUser(
    [property: Id(0)] IReadOnlyDictionary<string, string>? Attributes = null,
    [property: Id(1)] string? TemporaryPassword = null,
    [property: Id(2)] bool SuppressMessage = false,
    [property: Id(3)] IReadOnlyList<string>? DesiredDeliveryMediums = null,
    [property: Id(4)] IReadOnlyDictionary<string, string>? AttributeMap = null)
{
    /// <summary>Never prints the temporary password.</summary>
    public override string ToString() => $"NewUser {{ Attributes = {Attributes?.Count ?? 0}, TemporaryPassword = {(TemporaryPassword is null ? "null" : "***")}, SuppressMessage = {SuppressMessage} }}";
}
