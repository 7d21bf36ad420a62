using Cognito.Client.Grains;

namespace Cognito.Client;

/// <summary>Reaching the grains from a front end: <c>client.GetCognitoUser("main", "bob")</c>, <c>client.GetUserPool("main")</c>.</summary>
public static class GrainFactoryExtensions
{
    public static ICognitoUserGrain GetCognitoUser(this IGrainFactory grains, string pool, string username)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<ICognitoUserGrain>(GrainKeys.User(pool, username));
    }

    public static IUserPoolGrain GetUserPool(this IGrainFactory grains, string pool)
    {
        ArgumentNullException.ThrowIfNull(grains);
        GrainKeys.ValidatePool(pool);
        return grains.GetGrain<IUserPoolGrain>(pool);
    }
}
