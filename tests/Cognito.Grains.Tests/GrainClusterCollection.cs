namespace Cognito.Grains.Tests;

/// <summary>Grain tests share one emulator, front and cluster; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain-cluster";
}
