namespace Cognito.Testing.SrpFront;

/// <summary>A user as cognito-local lists it: the internal username, whether it is enabled, and its attributes.</summary>
internal sealed record PoolUser(string Username, bool Enabled, IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>Whether the attribute <paramref name="name"/> (<c>email</c>, <c>phone_number</c>) is set and verified.</summary>
    public bool HasVerified(string name) =>
        Attributes.ContainsKey(name) && Attributes.GetValueOrDefault(name + "_verified") == "true";
}
