using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>Finds the internal username (the pool's <c>Username</c>) behind the name a caller used.</summary>
internal sealed class UserResolver(UpstreamClient upstream)
{
    /// <summary>The user as AdminGetUser finds it (by username, sub, or email in an email-as-username pool), or null.</summary>
    public async Task<PoolUser?> FindUserAsync(string userPoolId, string name, CancellationToken cancellationToken)
    {
        try
        {
            var user = await upstream.CallAsync("AdminGetUser", new JsonObject { ["UserPoolId"] = userPoolId, ["Username"] = name }, cancellationToken);
            return ToUser(user);
        }
        catch (CognitoFault fault) when (fault.Type == "UserNotFoundException")
        {
            return null;
        }
    }

    /// <summary>The user of an AdminGetUser, GetUser or ListUsers answer.</summary>
    public static PoolUser? Read(JsonObject user) => ToUser(user);

    public async Task<string?> FindAsync(string userPoolId, string name, CancellationToken cancellationToken) =>
        (await FindUserAsync(userPoolId, name, cancellationToken))?.Username;

    /// <summary>The user as found by <see cref="FindAsync"/>, or the name itself when cognito-local does not know it.</summary>
    public async Task<string> InternalNameAsync(string userPoolId, string name, CancellationToken cancellationToken) =>
        await FindAsync(userPoolId, name, cancellationToken) ?? name;

    /// <summary>
    /// The user a login name means: a username, or an alias the pool allows (AliasAttributes). An
    /// email or phone alias counts only when verified, as in Cognito; preferred_username always.
    /// </summary>
    public async Task<PoolUser?> ResolveLoginAsync(PoolInfo pool, string name, CancellationToken cancellationToken)
    {
        if (await FindUserAsync(pool.UserPoolId, name, cancellationToken) is { } found)
        {
            return found;
        }

        foreach (var alias in pool.AliasAttributes.Where(a => a is "email" or "phone_number" or "preferred_username"))
        {
            var listed = await upstream.CallAsync(
                "ListUsers",
                new JsonObject { ["UserPoolId"] = pool.UserPoolId, ["Filter"] = $"{alias} = \"{name.Replace("\"", string.Empty, StringComparison.Ordinal)}\"" },
                cancellationToken);
            var matches = (listed["Users"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Where(user => alias == "preferred_username" || AttributeOf(user, alias + "_verified") == "true")
                .Select(ToUser)
                .OfType<PoolUser>()
                .ToList();
            if (matches.Count == 1)
            {
                return matches[0];
            }
        }

        return null;
    }

    private static PoolUser? ToUser(JsonObject user) =>
        user.Str("Username") is { } username
            ? new PoolUser(username, !(user.TryGetPropertyValue("Enabled", out var enabled) && enabled is JsonValue flag && flag.GetValueKind() == JsonValueKind.False), AttributesOf(user))
            : null;

    private static string? AttributeOf(JsonObject user, string name) => AttributesOf(user).GetValueOrDefault(name);

    // AdminGetUser answers UserAttributes, ListUsers Attributes.
    private static Dictionary<string, string> AttributesOf(JsonObject user) =>
        ((user["Attributes"] ?? user["UserAttributes"]) as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(a => a.Str("Name") is not null && a.Str("Value") is not null)
            .GroupBy(a => a.Str("Name")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Str("Value")!, StringComparer.Ordinal);
}
