using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.CipherSuitesPolicyAnalyzer,
    NetSecAnalyzers.CodeFixes.CipherSuitesPolicyCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.CipherSuites;

/// <summary>
/// The fix that removes offending suites, or the whole policy when nothing else remains. The testing
/// library also applies Fix All in the document, project and solution, so tests with several policies check
/// batch fixing, including a suite that two policies share.
/// </summary>
public class CipherSuitesPolicyFixTests
{
    private static DiagnosticResult Broken(int location, string suites) =>
        Verify.Diagnostic("NETSEC010").WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("This CipherSuitesPolicy", suites);

    private static DiagnosticResult Weak(int location, string suites) =>
        Verify.Diagnostic("NETSEC011").WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("This CipherSuitesPolicy", suites);

    [Fact]
    [Trait("Rule", "NETSEC010")]
    public Task BrokenSuitesRemoved_Fix() => Verify.VerifyCodeFixAsync("""
        using System.Net.Security;

        class C
        {
            void M(SslServerAuthenticationOptions options)
            {
                options.CipherSuitesPolicy = {|#0:new CipherSuitesPolicy(new[]
                {
                    TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                    TlsCipherSuite.TLS_RSA_WITH_RC4_128_SHA,
                    TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
                    TlsCipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
                })|};
            }
        }
        """, new[] { Broken(0, "2 broken suites (RC4, 3DES): TLS_RSA_WITH_RC4_128_SHA, TLS_RSA_WITH_3DES_EDE_CBC_SHA") }, """
        using System.Net.Security;

        class C
        {
            void M(SslServerAuthenticationOptions options)
            {
                options.CipherSuitesPolicy = new CipherSuitesPolicy(new[]
                {
                    TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                    TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
                });
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC011")]
    public Task WeakSuitesRemovedAcrossPolicies_Fix() => Verify.VerifyCodeFixAsync("""
        using System.Collections.Generic;
        using System.Net.Security;

        class C
        {
            private static readonly TlsCipherSuite[] Shared = [TlsCipherSuite.TLS_AES_128_GCM_SHA256, TlsCipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256];

            CipherSuitesPolicy First() => {|#0:new CipherSuitesPolicy([..Shared, TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA])|};

            CipherSuitesPolicy Second()
            {
                var suites = new List<TlsCipherSuite>(Shared);
                suites.Add(TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA256);
                suites.Add(TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384);
                return {|#1:new CipherSuitesPolicy(suites)|};
            }
        }
        """, new[]
        {
            Weak(0, "1 suite without forward secrecy (TLS_RSA_WITH_AES_128_GCM_SHA256), and 1 CBC suite without AEAD (TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA)"),
            Weak(1, "1 suite without forward secrecy (TLS_RSA_WITH_AES_128_GCM_SHA256), and 1 CBC suite without AEAD (TLS_DHE_RSA_WITH_AES_256_CBC_SHA256)"),
        }, """
        using System.Collections.Generic;
        using System.Net.Security;

        class C
        {
            private static readonly TlsCipherSuite[] Shared = [TlsCipherSuite.TLS_AES_128_GCM_SHA256];

            CipherSuitesPolicy First() => new CipherSuitesPolicy([..Shared]);

            CipherSuitesPolicy Second()
            {
                var suites = new List<TlsCipherSuite>(Shared);
                suites.Add(TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384);
                return new CipherSuitesPolicy(suites);
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC010")]
    public Task PolicyRemovedWhenNothingRemains_Fix() => Verify.VerifyCodeFixAsync("""
        using System.Net.Security;

        class C
        {
            SslClientAuthenticationOptions Options() => new SslClientAuthenticationOptions
            {
                TargetHost = "ledger.example.com",
                CipherSuitesPolicy = {|#0:new CipherSuitesPolicy([TlsCipherSuite.TLS_RSA_WITH_NULL_SHA256])|},
            };

            void M(SslServerAuthenticationOptions options)
            {
                options.CipherSuitesPolicy = {|#1:new CipherSuitesPolicy(new[] { TlsCipherSuite.TLS_RSA_WITH_RC4_128_SHA })|};
                options.AllowRenegotiation = false;
            }
        }
        """, new[]
        {
            Broken(0, "1 broken suite (NULL): TLS_RSA_WITH_NULL_SHA256"),
            Broken(1, "1 broken suite (RC4): TLS_RSA_WITH_RC4_128_SHA"),
        }, """
        using System.Net.Security;

        class C
        {
            SslClientAuthenticationOptions Options() => new SslClientAuthenticationOptions
            {
                TargetHost = "ledger.example.com",
            };

            void M(SslServerAuthenticationOptions options)
            {
                options.AllowRenegotiation = false;
            }
        }
        """);
}
