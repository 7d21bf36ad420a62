using Cognito.Client;

namespace Cognito.Example.Tests;

/// <summary>A grain of the user's own application: it greets a signed-in user by the email Cognito holds.</summary>
public interface IGreeterGrain : IGrainWithStringKey
{
    Task<string> GreetAsync();
}

public sealed class GreeterGrain : Grain, IGreeterGrain
{
    public async Task<string> GreetAsync()
    {
        var user = await GrainFactory.GetCognitoUser("main", this.GetPrimaryKeyString()).GetUserAsync();
        return $"Hello, {user.Attributes["email"]}!";
    }
}
