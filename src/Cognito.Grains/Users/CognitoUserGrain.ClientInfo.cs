using Cognito.Client.Model;
using Cognito.IdentityProvider.Errors;

namespace Cognito.Grains.Users;

/// <summary>What a front end says of the client behind a session key, for the user's list of sessions.</summary>
internal sealed partial class CognitoUserGrain
{
    public async Task DescribeClientAsync(SessionClientInfo client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Validate();
        if (!IsSessionKey)
        {
            throw new InvalidParameterException("Client information belongs to a session key (CognitoSessions.Key), not to the user's own key.");
        }

        if (await RouteAsync(cancellationToken) is { } owner)
        {
            await owner.DescribeClientAsync(client, cancellationToken);
            return;
        }

        _ = HeldTokens;
        if (client != State.Client)
        {
            State.Client = client;
            await SaveAsync();
        }
    }
}
