using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.CipherSuitesPolicyAnalyzer,
    NetSecAnalyzers.CodeFixes.CipherSuitesPolicyCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.CipherSuites;

/// <summary>
/// <c>CipherSuitesPolicy</c> suites in every collection form. Each diagnostic sits on the policy's creation
/// and lists the offending items as additional locations, which the expected results check in order.
/// </summary>
public class CipherSuitesPolicyTests
{
    [Fact]
    [Trait("Rule", "NETSEC010")]
    public Task BrokenSuitesInArray_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;

        class C
        {
            CipherSuitesPolicy Policy() => {|#0:new CipherSuitesPolicy(new[]
            {
                TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                {|#1:TlsCipherSuite.TLS_RSA_WITH_RC4_128_SHA|},
                {|#2:TlsCipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA|},
                {|#3:TlsCipherSuite.TLS_RSA_WITH_NULL_MD5|},
                {|#4:TlsCipherSuite.TLS_DH_anon_WITH_AES_128_GCM_SHA256|},
            })|};
        }
        """,
        Verify.Diagnostic("NETSEC010").WithLocation(0).WithLocation(1).WithLocation(2).WithLocation(3).WithLocation(4).WithArguments(
            "This CipherSuitesPolicy",
            "4 broken suites (NULL, anonymous, RC4, 3DES, MD5): TLS_RSA_WITH_RC4_128_SHA, TLS_RSA_WITH_3DES_EDE_CBC_SHA, TLS_RSA_WITH_NULL_MD5, TLS_DH_anon_WITH_AES_128_GCM_SHA256"));

    [Fact]
    [Trait("Rule", "NETSEC011")]
    public Task StaticRsaAndCbcInCollectionExpression_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;

        class C
        {
            void M(SslServerAuthenticationOptions options)
            {
                options.CipherSuitesPolicy = {|#0:new CipherSuitesPolicy(
                [
                    TlsCipherSuite.TLS_AES_256_GCM_SHA384,
                    {|#1:TlsCipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384|},
                    {|#2:TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256|},
                    {|#3:TlsCipherSuite.TLS_PSK_WITH_AES_128_GCM_SHA256|},
                    TlsCipherSuite.TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256,
                ])|};
            }
        }
        """,
        Verify.Diagnostic("NETSEC011").WithLocation(0).WithLocation(1).WithLocation(2).WithLocation(3).WithArguments(
            "This CipherSuitesPolicy",
            "2 suites without forward secrecy (TLS_RSA_WITH_AES_256_GCM_SHA384, TLS_PSK_WITH_AES_128_GCM_SHA256), and 1 CBC suite without AEAD (TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256)"));

    [Fact]
    [Trait("Rule", "NETSEC010")]
    [Trait("Rule", "NETSEC011")]
    public Task BothRulesNeverShareSuite_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;

        class C
        {
            CipherSuitesPolicy Policy() => {|#0:new CipherSuitesPolicy(new TlsCipherSuite[]
            {
                {|#1:TlsCipherSuite.TLS_RSA_WITH_RC4_128_MD5|},
                {|#2:TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA|},
            })|};
        }
        """,
        Verify.Diagnostic("NETSEC010").WithLocation(0).WithLocation(1)
            .WithArguments("This CipherSuitesPolicy", "1 broken suite (RC4, MD5): TLS_RSA_WITH_RC4_128_MD5"),
        Verify.Diagnostic("NETSEC011").WithLocation(0).WithLocation(2)
            .WithArguments("This CipherSuitesPolicy", "1 suite without forward secrecy (TLS_RSA_WITH_AES_128_CBC_SHA)"));

    [Fact]
    [Trait("Rule", "NETSEC010")]
    public Task LocalsFieldsListsAndSpreads_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Security;

        class C
        {
            private static readonly TlsCipherSuite[] Legacy = { {|#1:TlsCipherSuite.TLS_RSA_EXPORT_WITH_RC4_40_MD5|} };
            private const TlsCipherSuite Des = TlsCipherSuite.TLS_RSA_WITH_DES_CBC_SHA;

            CipherSuitesPolicy Spread() => {|#0:new CipherSuitesPolicy([TlsCipherSuite.TLS_AES_128_GCM_SHA256, ..Legacy])|};

            CipherSuitesPolicy Local()
            {
                var suites = new List<TlsCipherSuite> { TlsCipherSuite.TLS_AES_128_GCM_SHA256, {|#4:Des|} };
                suites.Add({|#5:TlsCipherSuite.TLS_ECDH_anon_WITH_AES_256_CBC_SHA|});
                return {|#2:new CipherSuitesPolicy(suites.ToArray())|};
            }
        }
        """,
        Verify.Diagnostic("NETSEC010").WithLocation(0).WithLocation(1)
            .WithArguments("This CipherSuitesPolicy", "1 broken suite (EXPORT, RC4, MD5): TLS_RSA_EXPORT_WITH_RC4_40_MD5"),
        Verify.Diagnostic("NETSEC010").WithLocation(2).WithLocation(4).WithLocation(5)
            .WithArguments("This CipherSuitesPolicy", "2 broken suites (anonymous, DES): TLS_RSA_WITH_DES_CBC_SHA, TLS_ECDH_anon_WITH_AES_256_CBC_SHA"));

    [Fact]
    [Trait("Rule", "NETSEC010")]
    [Trait("Rule", "NETSEC011")]
    public Task ModernSuitesOnly_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;

        class C
        {
            CipherSuitesPolicy Policy() => new CipherSuitesPolicy(
            [
                TlsCipherSuite.TLS_AES_256_GCM_SHA384,
                TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
                TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
                TlsCipherSuite.TLS_DHE_RSA_WITH_AES_128_CCM,
            ]);
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC010")]
    [Trait("Rule", "NETSEC011")]
    public Task WeakSuitesNotInPolicy_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Net.Security;

        class C
        {
            // Comparing a negotiated suite, or listing suites to refuse, configures nothing.
            bool IsLegacy(SslStream stream) => stream.NegotiatedCipherSuite == TlsCipherSuite.TLS_RSA_WITH_RC4_128_SHA;

            readonly HashSet<TlsCipherSuite> refused = new() { TlsCipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA };

            CipherSuitesPolicy FromCaller(IEnumerable<TlsCipherSuite> suites) => new CipherSuitesPolicy(suites);
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC010")]
    public Task TestProjectSkipped_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net.Security;

                class C
                {
                    CipherSuitesPolicy Policy() => new CipherSuitesPolicy(new[] { TlsCipherSuite.TLS_RSA_WITH_RC4_128_SHA });
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }
}
