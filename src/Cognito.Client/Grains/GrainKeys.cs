using Cognito.IdentityProvider.Errors;

namespace Cognito.Client.Grains;

/// <summary>How a user's grain key is made: <c>{pool}/{username}</c>, split at the first '/'. Pool names have no '/'.</summary>
public static class GrainKeys
{
    /// <summary>Between the pool name and the username in a user grain's key.</summary>
    public const char Separator = '/';

    /// <summary>The key of the user grain of <paramref name="username"/> in <paramref name="pool"/>.</summary>
    public static string User(string pool, string username)
    {
        ValidatePool(pool);
        if (string.IsNullOrWhiteSpace(username))
        {
            throw new InvalidParameterException("A username must not be empty or white space.");
        }

        return pool + Separator + username;
    }

    /// <summary>The pool and username of a user grain key; <see cref="InvalidParameterException"/> when it is not one.</summary>
    public static (string Pool, string Username) ParseUser(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = key.IndexOf(Separator, StringComparison.Ordinal);
        if (at <= 0 || at == key.Length - 1)
        {
            throw new InvalidParameterException("A user grain key is '{pool}/{username}'.");
        }

        return (key[..at], key[(at + 1)..]);
    }

    /// <summary>Throws <see cref="InvalidParameterException"/> unless <paramref name="pool"/> can be a pool name.</summary>
    public static void ValidatePool(string pool)
    {
        if (string.IsNullOrWhiteSpace(pool) || pool.Contains(Separator, StringComparison.Ordinal))
        {
            throw new InvalidParameterException("A pool name must be non-empty and contain no '/'.");
        }
    }
}
