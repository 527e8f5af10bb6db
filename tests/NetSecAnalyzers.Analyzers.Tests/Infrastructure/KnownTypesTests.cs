using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace NetSecAnalyzers.Analyzers.Tests.Infrastructure;

/// <summary>The merged-namespace type lookup against <see cref="Compilation.GetTypeByMetadataName"/>, whose results it must give.</summary>
public class KnownTypesTests
{
    private static CSharpCompilation Compile(string source, params MetadataReference[] extraReferences) =>
        CSharpCompilation.Create(
            "Lookup",
            new[] { CSharpSyntaxTree.ParseText(source) },
            SdkReferenceAssemblies.MetadataReferences.AddRange(extraReferences),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static MetadataReference Library(string assemblyName, string source) =>
        CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source) },
            SdkReferenceAssemblies.MetadataReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).ToMetadataReference();

    [Theory]
    [Trait("Category", "Infrastructure")]
    [InlineData("System.Net.Http.HttpClientHandler")]
    [InlineData("System.Net.Security.SslPolicyErrors")]
    [InlineData("System.Net.Security.CipherSuitesPolicy")]
    [InlineData("System.Security.Cryptography.X509Certificates.X509Chain")]
    [InlineData("System.Object")]
    [InlineData("Microsoft.AspNetCore.Builder.IApplicationBuilder")]
    [InlineData("Microsoft.AspNetCore.Mvc.ControllerBase")]
    [InlineData("Microsoft.AspNetCore.HttpsPolicy.HstsOptions")]
    public void FrameworkType_SameAsMetadataNameLookup(string fullName)
    {
        var compilation = Compile("class C { }");

        var found = KnownTypes.Find(compilation, fullName);

        Assert.NotNull(found);
        Assert.Equal(compilation.GetTypeByMetadataName(fullName), found, SymbolEqualityComparer.Default);
    }

    [Theory]
    [Trait("Category", "Infrastructure")]
    [InlineData("System.Net.Http.NoSuchHandler")]
    [InlineData("No.Such.Namespace.Type")]
    [InlineData("System.Net")]
    public void MissingType_ReturnsNull(string fullName)
    {
        var compilation = Compile("class C { }");

        Assert.Null(KnownTypes.Find(compilation, fullName));
    }

    [Fact]
    [Trait("Category", "Infrastructure")]
    public void SourceType_WinsOverReference()
    {
        var compilation = Compile("namespace System.Net.Http { public class HttpClientHandler { } }");

        var found = KnownTypes.Find(compilation, "System.Net.Http.HttpClientHandler");

        Assert.NotNull(found);
        Assert.Equal(compilation.Assembly, found!.ContainingAssembly, SymbolEqualityComparer.Default);
    }

    [Fact]
    [Trait("Category", "Infrastructure")]
    public void TypeInTwoReferences_IsAmbiguous()
    {
        const string Shared = "namespace Vendor.Tls { public class Options { } }";
        var compilation = Compile("class C { }", Library("VendorOne", Shared), Library("VendorTwo", Shared));

        Assert.Null(compilation.GetTypeByMetadataName("Vendor.Tls.Options"));
        Assert.Null(KnownTypes.Find(compilation, "Vendor.Tls.Options"));
    }

    [Fact]
    [Trait("Category", "Infrastructure")]
    public void InternalTypeOfReference_IsIgnored()
    {
        var compilation = Compile(
            "class C { }",
            Library("VendorOne", "namespace Vendor.Tls { public class Options { } }"),
            Library("VendorTwo", "namespace Vendor.Tls { internal class Options { } }"));

        var found = KnownTypes.Find(compilation, "Vendor.Tls.Options");

        Assert.NotNull(found);
        Assert.Equal("VendorOne", found!.ContainingAssembly.Name);
    }

    [Fact]
    [Trait("Category", "Infrastructure")]
    public void RepeatedLookup_ReturnsSameSymbol()
    {
        var compilation = Compile("class C { }");

        var first = KnownTypes.Find(compilation, "System.Net.Http.HttpClientHandler");
        var second = KnownTypes.Find(compilation, "System.Net.Http.HttpClientHandler");

        Assert.NotNull(first);
        Assert.Same(first, second);
    }
}
