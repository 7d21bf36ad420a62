namespace Cognito.Client.Model;

/// <summary>Where a sign-in stands after a call.</summary>
[GenerateSerializer, Alias("Cognito.SignInStatus")]
public enum SignInStatus
{
    /// <summary>The user is signed in; the grain holds the tokens.</summary>
    SignedIn = 0,

    /// <summary>Cognito asks for more: see <see cref="SignInResult.Challenge"/>.</summary>
    ChallengeRequired = 1,
}
