using Cognito.Client.Model;
using Cognito.Grains.Logging;
using Cognito.Grains.Revocation;
using Cognito.IdentityProvider.Errors;
using Cognito.IdentityProvider.Model;

namespace Cognito.Grains.Users;

/// <summary>
/// Telling the pool's ended-sessions log (<see cref="EndedSessionsGrain"/>) when a session ends
/// through this grain, so front ends refuse its still-unexpired tokens. The session ends whether or
/// not the log can be told: a log that cannot be reached costs a warning, never the sign-out.
/// </summary>
internal sealed partial class CognitoUserGrain
{
    private const int MaxTokenMarks = 32;
    private static readonly TimeSpan UnknownTokenLifetime = TimeSpan.FromHours(24);

    /// <summary>Keeps new tokens as the session's, remembering what names them for the log.</summary>
    private void Hold(StoredTokens tokens)
    {
        State.Tokens = tokens;
        var facts = TokenFacts.Of(tokens);
        Learn(facts.Subject, facts.Lifetime);
        var now = time.GetUtcNow();
        var marks = State.TokenMarks ??= [];
        marks.RemoveAll(m => m.KeepUntil < now);
        marks.AddRange(facts.Marks);
        if (marks.Count > MaxTokenMarks)
        {
            marks.RemoveRange(0, marks.Count - MaxTokenMarks);
        }
    }

    private void Learn(string? subject, TimeSpan? lifetime)
    {
        State.Subject = subject ?? State.Subject;
        State.TokenLifetime = TokenFacts.Max(State.TokenLifetime, lifetime);
    }

    /// <summary>
    /// The entries that end this session's token sets that may still be valid: by <c>origin_jti</c>
    /// when Cognito gave one, else one per <c>event_id</c>. Read before the session is cleared.
    /// </summary>
    private List<EndedSession> RevokedEntries()
    {
        var now = time.GetUtcNow();
        var live = State.TokenMarks?.Where(m => m.KeepUntil >= now).ToList() ?? [];
        var byOrigin = live.Where(m => m.OriginJti is not null).ToList();
        return byOrigin.Count > 0
            ? byOrigin.GroupBy(m => m.OriginJti!, StringComparer.Ordinal).Select(g => new EndedSession(g.Key, null, null, now, g.Max(m => m.KeepUntil))).ToList()
            : live.Where(m => m.EventId is not null).GroupBy(m => m.EventId!, StringComparer.Ordinal).Select(g => new EndedSession(null, g.Key, null, now, g.Max(m => m.KeepUntil))).ToList();
    }

    /// <summary>After a sign-out everywhere: every token of the user issued until now, kept as long as such a token can live.</summary>
    private EndedSession? SignedOutEntry(string? subject)
    {
        if ((subject ?? State.Subject) is not { } sub)
        {
            return null;
        }

        var now = time.GetUtcNow();
        return new EndedSession(null, null, sub, now, now + (State.TokenLifetime ?? UnknownTokenLifetime));
    }

    /// <summary>The user's <c>sub</c> for an admin sign-out of a user whose tokens this grain never saw.</summary>
    private async Task<string?> SubjectForAdminAsync()
    {
        if (State.Subject is { } known)
        {
            return known;
        }

        try
        {
            var user = await Pool.Client.AdminGetUserAsync(new AdminGetUserRequest { UserPoolId = Pool.UserPoolId, Username = Username }, CancellationToken.None);
            return user.UserAttributes?.FirstOrDefault(a => a.Name == "sub")?.Value;
        }
        catch (CognitoException e)
        {
            GrainLog.EndedSessionNotLogged(logger, _key, e.ErrorCode);
            return null;
        }
    }

    private Task PublishAsync(EndedSession? entry) => entry is null ? Task.CompletedTask : PublishAsync([entry]);

    private async Task PublishAsync(IReadOnlyList<EndedSession> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IEndedSessionsLog>(_poolName).AddAsync(entries);
        }
#pragma warning disable CA1031 // The session has ended already; whatever stops the log from hearing of it must not undo that.
        catch (Exception e)
#pragma warning restore CA1031
        {
            GrainLog.EndedSessionNotLogged(logger, _key, e.GetType().Name);
        }
    }
}
