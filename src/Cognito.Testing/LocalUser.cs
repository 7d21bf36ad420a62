namespace Cognito.Testing;

/// <summary>
/// A user as <see cref="LocalCognitoAdmin.CreateUserAsync"/> creates them: confirmed, with a
/// permanent password and the attributes given (an <c>email</c> is marked verified). Its text form
/// never shows the password.
/// </summary>
public sealed record LocalUser(string Username, string Password = LocalUser.DefaultPassword)
{
    /// <summary>A password every default password policy accepts.</summary>
    public const string DefaultPassword = "Passw0rd!Strong";

    /// <summary>Attributes by name; custom ones as <c>custom:name</c>.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Never prints the password.</summary>
    public override string ToString() => $"LocalUser {{ Username = {Username}, Password = ***, Attributes = [{string.Join(", ", Attributes.Keys)}] }}";
}
