using System.Text.Json.Nodes;

namespace Cognito.Testing.SrpFront;

/// <summary>Finds the internal username (the pool's <c>Username</c>) behind the name a caller used.</summary>
internal sealed class UserResolver(UpstreamClient upstream, CredentialStore credentials)
{
    /// <summary>The user as AdminGetUser finds it (its username, its sub, or its email in an email-as-username pool), or null.</summary>
    public async Task<string?> FindAsync(string userPoolId, string name, CancellationToken cancellationToken)
    {
        try
        {
            var user = await upstream.CallAsync("AdminGetUser", new JsonObject { ["UserPoolId"] = userPoolId, ["Username"] = name }, cancellationToken);
            return user.Str("Username");
        }
        catch (CognitoFault fault) when (fault.Type == "UserNotFoundException")
        {
            return null;
        }
    }

    /// <summary>The user as found by <see cref="FindAsync"/>, or the name itself when cognito-local does not know it.</summary>
    public async Task<string> InternalNameAsync(string userPoolId, string name, CancellationToken cancellationToken) =>
        await FindAsync(userPoolId, name, cancellationToken) ?? name;

    /// <summary>
    /// The user a login name means: a username, or an alias the pool allows (AliasAttributes). An
    /// email or phone alias counts only when verified, as in Cognito; preferred_username always.
    /// </summary>
    public async Task<string?> ResolveLoginAsync(PoolInfo pool, string name, CancellationToken cancellationToken)
    {
        if (credentials.Get(pool.UserPoolId, name) is not null)
        {
            return name;
        }

        if (await FindAsync(pool.UserPoolId, name, cancellationToken) is { } found)
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
                .Select(user => user.Str("Username"))
                .OfType<string>()
                .ToList();
            if (matches.Count == 1)
            {
                return matches[0];
            }
        }

        return null;
    }

    private static string? AttributeOf(JsonObject user, string name) =>
        (user["Attributes"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(a => a.Str("Name") == name).Str("Value");
}
