using Cognito.Testing.SrpFront;

namespace Cognito.IdentityProvider.Tests;

/// <summary>Tests in this collection share one cognito-local and one SRP front before it.</summary>
[CollectionDefinition(Name)]
public sealed class SrpFrontCollection : ICollectionFixture<SrpFrontFixture>
{
    public const string Name = "srp-front";
}
