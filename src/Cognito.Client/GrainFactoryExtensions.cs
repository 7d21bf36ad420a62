using Cognito.Client.Grains;

namespace Cognito.Client;

/// <summary>Reaching the grains from a front end: <c>client.GetCognitoUser("main", "bob")</c>, <c>client.GetUserPool("main")</c>.</summary>
public static class GrainFactoryExtensions
{
    /// <summary>The grain of <paramref name="username"/> (any alias Cognito accepts) in the configured pool <paramref name="pool"/>.</summary>
    public static ICognitoUserGrain GetCognitoUser(this IGrainFactory grains, string pool, string username)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<ICognitoUserGrain>(GrainKeys.User(pool, username));
    }

    /// <summary>
    /// The grain of one of <paramref name="username"/>'s sessions (see <see cref="CognitoSessions"/>): call it inside
    /// <c>using (CognitoSessions.Enter(sessionId))</c>, which proves the caller holds the session id.
    /// </summary>
    public static ICognitoUserGrain GetCognitoSession(this IGrainFactory grains, string pool, string username, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<ICognitoUserGrain>(CognitoSessions.Key(pool, username, sessionId));
    }

    /// <summary>The grain of the configured pool <paramref name="pool"/>.</summary>
    public static IUserPoolGrain GetUserPool(this IGrainFactory grains, string pool)
    {
        ArgumentNullException.ThrowIfNull(grains);
        GrainKeys.ValidatePool(pool);
        return grains.GetGrain<IUserPoolGrain>(pool);
    }

    /// <summary>The ended-sessions log of the configured pool <paramref name="pool"/>, which front ends poll for revocation.</summary>
    public static IEndedSessionsGrain GetEndedSessions(this IGrainFactory grains, string pool)
    {
        ArgumentNullException.ThrowIfNull(grains);
        GrainKeys.ValidatePool(pool);
        return grains.GetGrain<IEndedSessionsGrain>(pool);
    }
}
