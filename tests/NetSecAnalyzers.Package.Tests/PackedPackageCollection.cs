namespace NetSecAnalyzers.Package.Tests;

/// <summary>Lets the test classes that build against the analyzer package share one packed copy.</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed analyzer package";
}
