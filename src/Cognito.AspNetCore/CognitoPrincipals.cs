using System.Security.Claims;
using Cognito.IdentityProvider.Tokens;

namespace Cognito.AspNetCore;

/// <summary>The <see cref="ClaimsPrincipal"/> of a verified Cognito token.</summary>
public static class CognitoPrincipals
{
    /// <summary>
    /// Every claim of the token as it is (<c>sub</c>, <c>username</c>, <c>email</c>, …), plus the
    /// name (the username, else <c>sub</c>) and one role per <c>cognito:groups</c> entry, so
    /// <c>User.Identity.Name</c> and <c>[Authorize(Roles = "admins")]</c> work.
    /// </summary>
    public static ClaimsPrincipal From(VerifiedCognitoToken token, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(token);
        var claims = new List<Claim>(token.Claims.Count + token.Groups.Count + 2)
        {
            new(ClaimTypes.Name, token.Username ?? token.Subject),
            new(ClaimTypes.NameIdentifier, token.Subject),
        };
        claims.AddRange(token.Claims.Where(c => c.Key != "cognito:groups").Select(c => new Claim(c.Key, c.Value)));
        claims.AddRange(token.Groups.Select(g => new Claim(ClaimTypes.Role, g)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}
