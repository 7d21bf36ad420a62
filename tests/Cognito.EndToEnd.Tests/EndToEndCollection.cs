namespace Cognito.EndToEnd.Tests;

/// <summary>Tests in this collection share one cognito-local, SRP front, pool and silo process. (xunit v2 finds collection definitions only in the test assembly.)</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "end-to-end";
}
