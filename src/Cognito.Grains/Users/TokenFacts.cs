using Cognito.IdentityProvider.Tokens;

namespace Cognito.Grains.Users;

/// <summary>
/// The bookkeeping claims of a token set Cognito just handed us, read without verification: whose
/// they are, how long they live, and which ids name them for the ended-sessions log.
/// </summary>
/// <param name="Subject">The user's <c>sub</c>, when readable.</param>
/// <param name="Lifetime">The longest lifetime (<c>exp</c> − <c>iat</c>) of the access and ID token, when readable.</param>
/// <param name="Marks">The ids that name this token set, each kept until its last token expires.</param>
internal sealed record TokenFacts(string? Subject, TimeSpan? Lifetime, IReadOnlyList<TokenMark> Marks)
{
    public static TokenFacts Of(StoredTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        UnverifiedTokenReader.TryReadUnverified(tokens.AccessToken, out var access);
        UnverifiedTokenReader.TryReadUnverified(tokens.IdToken, out var id);

        // ExpiresAt is on the grains' clock; the claims may be on another, so only their difference is used.
        var idOutlives = access?.ExpiresAt is { } accessExp && id?.ExpiresAt is { } idExp && idExp > accessExp ? idExp - accessExp : TimeSpan.Zero;
        var keepUntil = tokens.ExpiresAt + idOutlives;
        var marks = new List<TokenMark>(2);
        if ((access?.OriginJti ?? id?.OriginJti) is { } originJti)
        {
            marks.Add(new TokenMark(originJti, null, keepUntil));
        }

        foreach (var eventId in new[] { access?.EventId, id?.EventId }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            marks.Add(new TokenMark(null, eventId, keepUntil));
        }

        var lifetime = Max(LifetimeOf(access), LifetimeOf(id));
        return new TokenFacts(access?.Subject ?? id?.Subject, lifetime, marks);
    }

    public static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static TimeSpan? LifetimeOf(UnverifiedTokenClaims? claims) =>
        claims is { ExpiresAt: { } exp, IssuedAt: { } iat } && exp > iat ? exp - iat : null;
}
