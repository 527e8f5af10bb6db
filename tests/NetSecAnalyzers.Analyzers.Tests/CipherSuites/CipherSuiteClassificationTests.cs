using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetSecAnalyzers.Analyzers.Tests.Infrastructure;
using NetSecAnalyzers.Catalog.Tls;

namespace NetSecAnalyzers.Analyzers.Tests.CipherSuites;

/// <summary>The shared classification table against the <c>TlsCipherSuite</c> enum of the SDK's reference assemblies.</summary>
public class CipherSuiteClassificationTests
{
    private static List<string> TlsCipherSuiteMembers()
    {
        var compilation = CSharpCompilation.Create("Members", references: SdkReferenceAssemblies.MetadataReferences);
        var suiteEnum = compilation.GetTypeByMetadataName("System.Net.Security.TlsCipherSuite");
        Assert.NotNull(suiteEnum);
        return suiteEnum!.GetMembers().OfType<IFieldSymbol>().Where(field => field.HasConstantValue).Select(field => field.Name).ToList();
    }

    [Fact]
    [Trait("Category", "Meta")]
    public void EveryTlsCipherSuiteMember_IsClassified()
    {
        var members = TlsCipherSuiteMembers();

        Assert.True(members.Count > 300, "Expected the full IANA registry in TlsCipherSuite, found " + members.Count + " members.");
        var unclassified = members.Where(name => !CipherSuiteClassification.TryClassify(name, out _)).ToList();
        Assert.Empty(unclassified);
    }

    [Theory]
    [Trait("Category", "Meta")]
    [InlineData("TLS_NULL_WITH_NULL_NULL", CipherSuiteWeaknesses.NullEncryption | CipherSuiteWeaknesses.Anonymous | CipherSuiteWeaknesses.NoForwardSecrecy | CipherSuiteWeaknesses.NoAead)]
    [InlineData("TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5", CipherSuiteWeaknesses.Export | CipherSuiteWeaknesses.Md5 | CipherSuiteWeaknesses.NoForwardSecrecy | CipherSuiteWeaknesses.NoAead)]
    [InlineData("TLS_KRB5_WITH_3DES_EDE_CBC_SHA", CipherSuiteWeaknesses.TripleDes | CipherSuiteWeaknesses.NoForwardSecrecy | CipherSuiteWeaknesses.NoAead)]
    [InlineData("TLS_ECDH_anon_WITH_RC4_128_SHA", CipherSuiteWeaknesses.Anonymous | CipherSuiteWeaknesses.Rc4 | CipherSuiteWeaknesses.NoAead)]
    [InlineData("TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA", CipherSuiteWeaknesses.Export | CipherSuiteWeaknesses.Des | CipherSuiteWeaknesses.NoAead)]
    [InlineData("TLS_RSA_PSK_WITH_AES_256_GCM_SHA384", CipherSuiteWeaknesses.NoForwardSecrecy)]
    [InlineData("TLS_DH_RSA_WITH_CAMELLIA_128_GCM_SHA256", CipherSuiteWeaknesses.NoForwardSecrecy)]
    [InlineData("TLS_ECDHE_ECDSA_WITH_ARIA_256_CBC_SHA384", CipherSuiteWeaknesses.NoAead)]
    [InlineData("TLS_PSK_DHE_WITH_AES_128_CCM_8", CipherSuiteWeaknesses.None)]
    [InlineData("TLS_ECDHE_PSK_WITH_AES_128_CCM_8_SHA256", CipherSuiteWeaknesses.None)]
    [InlineData("TLS_ECCPWD_WITH_AES_256_GCM_SHA384", CipherSuiteWeaknesses.None)]
    [InlineData("TLS_CHACHA20_POLY1305_SHA256", CipherSuiteWeaknesses.None)]
    public void RegistryName_HasWeaknesses(string name, CipherSuiteWeaknesses expected)
    {
        Assert.True(CipherSuiteClassification.TryClassify(name, out var weaknesses), name + " is not classified.");
        Assert.Equal(expected, weaknesses);
    }

    [Theory]
    [Trait("Category", "Meta")]
    [InlineData("TLS_GOSTR341112_256_WITH_KUZNYECHIK_CTR_OMAC")]
    [InlineData("ECDHE-RSA-AES128-GCM-SHA256")]
    [InlineData("TLS_RSA_WITH_AES_512_GCM_SHA512")]
    public void UnknownName_IsNotClassified(string name)
    {
        Assert.False(CipherSuiteClassification.TryClassify(name, out var weaknesses));
        Assert.Equal(CipherSuiteWeaknesses.None, weaknesses);
    }
}
