namespace Cognito.Grains.Hosting;

/// <summary>The grain storage provider the sessions are kept in. Register one under this name (the silo's memory storage by default).</summary>
public static class CognitoStorage
{
    public const string Name = "cognito";
}
