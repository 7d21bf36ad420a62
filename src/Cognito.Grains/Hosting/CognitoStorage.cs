namespace Cognito.Grains.Hosting;

/// <summary>The grain storage provider the sessions are kept in. Register one under this name (the silo's memory storage by default).</summary>
public static class CognitoStorage
{
    /// <summary>The provider's name.</summary>
    public const string Name = "cognito";
}
