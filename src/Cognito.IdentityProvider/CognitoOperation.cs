namespace Cognito.IdentityProvider;

/// <summary>One operation of the API: its name (the <c>X-Amz-Target</c> suffix) and whether it needs SigV4.</summary>
/// <param name="Name">The operation's name in the API model.</param>
/// <param name="RequiresSigning">False for the operations the model marks <c>smithy.api#noAuth</c>: they never carry AWS credentials.</param>
public readonly record struct CognitoOperation(string Name, bool RequiresSigning);
