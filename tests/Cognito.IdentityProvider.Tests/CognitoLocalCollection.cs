using Cognito.Testing.CognitoLocal;

namespace Cognito.IdentityProvider.Tests;

/// <summary>Tests in this collection share one cognito-local process.</summary>
[CollectionDefinition(Name)]
public sealed class CognitoLocalCollection : ICollectionFixture<CognitoLocalFixture>
{
    public const string Name = "cognito-local";
}
