using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.RevocationCheckDisabledAnalyzer,
    NetSecAnalyzers.CodeFixes.RevocationCheckDisabledCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.RevocationCheckDisabled;

/// <summary>
/// The code fix. The testing library also applies Fix All in the document, the project and the solution
/// to every test, so the tests with several diagnostics check batch fixing too.
/// </summary>
public class RevocationCheckDisabledFixTests
{
    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task SwitchesTurnedOn_Fix() => Verify.VerifyCodeFixAsync("""
        using System.Net;
        using System.Net.Http;
        using Microsoft.AspNetCore.Server.Kestrel.Https;

        class C
        {
            void M(HttpsConnectionAdapterOptions https)
            {
                var handler = new HttpClientHandler { CheckCertificateRevocationList = [|false|] };
                ServicePointManager.CheckCertificateRevocationList = [|false|];
                https.CheckCertificateRevocation = /* client certificates */ [|false|];
            }
        }
        """, """
        using System.Net;
        using System.Net.Http;
        using Microsoft.AspNetCore.Server.Kestrel.Https;

        class C
        {
            void M(HttpsConnectionAdapterOptions https)
            {
                var handler = new HttpClientHandler { CheckCertificateRevocationList = true };
                ServicePointManager.CheckCertificateRevocationList = true;
                https.CheckCertificateRevocation = /* client certificates */ true;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task SslStreamArgument_Fix() => Verify.VerifyCodeFixAsync("""
        using System.Net.Security;

        class C
        {
            void M(SslStream stream) => stream.AuthenticateAsClient("ledger.example.com", null, checkCertificateRevocation: [|false|]);
        }
        """, """
        using System.Net.Security;

        class C
        {
            void M(SslStream stream) => stream.AuthenticateAsClient("ledger.example.com", null, checkCertificateRevocation: true);
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task NoCheckBecomesOnline_Fix() => Verify.VerifyCodeFixAsync("""
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            void M(X509ChainPolicy policy, bool offline)
            {
                policy.RevocationMode = [|X509RevocationMode.NoCheck|];
                policy.RevocationMode = [|System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck|];
                policy.RevocationMode = offline ? [|(X509RevocationMode)0|] : X509RevocationMode.Offline;
                var options = new SslClientAuthenticationOptions { CertificateRevocationCheckMode = [|X509RevocationMode.NoCheck|] };
            }
        }
        """, """
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            void M(X509ChainPolicy policy, bool offline)
            {
                policy.RevocationMode = X509RevocationMode.Online;
                policy.RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.Online;
                policy.RevocationMode = offline ? X509RevocationMode.Online : X509RevocationMode.Offline;
                var options = new SslClientAuthenticationOptions { CertificateRevocationCheckMode = X509RevocationMode.Online };
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task UsingStaticAndNoUsing_Fix() => Verify.VerifyCodeFixAsync("""
        using static System.Security.Cryptography.X509Certificates.X509RevocationMode;

        class C
        {
            void M(System.Security.Cryptography.X509Certificates.X509ChainPolicy policy)
            {
                policy.RevocationMode = [|NoCheck|];
            }
        }
        """, """
        using static System.Security.Cryptography.X509Certificates.X509RevocationMode;

        class C
        {
            void M(System.Security.Cryptography.X509Certificates.X509ChainPolicy policy)
            {
                policy.RevocationMode = Online;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task ConstantAndLocal_Fix() => Verify.VerifyCodeFixAsync("""
        using System.Net.Http;
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            private const bool CheckRevocation = [|false|];

            void M(X509ChainPolicy policy)
            {
                var handler = new HttpClientHandler { CheckCertificateRevocationList = CheckRevocation };
                var mode = [|X509RevocationMode.NoCheck|];
                policy.RevocationMode = mode;
            }
        }
        """, """
        using System.Net.Http;
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            private const bool CheckRevocation = true;

            void M(X509ChainPolicy policy)
            {
                var handler = new HttpClientHandler { CheckCertificateRevocationList = CheckRevocation };
                var mode = X509RevocationMode.Online;
                policy.RevocationMode = mode;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task FixAllAcrossDocuments_Fix()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add("""
            using System.Net.Http;

            class First
            {
                HttpClientHandler Create() => new HttpClientHandler { CheckCertificateRevocationList = [|false|] };
            }
            """);
        test.TestState.Sources.Add("""
            using System.Security.Cryptography.X509Certificates;

            class Second
            {
                void M(X509Chain chain, X509ChainPolicy policy)
                {
                    chain.ChainPolicy.RevocationMode = [|X509RevocationMode.NoCheck|];
                    policy.RevocationMode = [|X509RevocationMode.NoCheck|];
                }
            }
            """);
        test.FixedState.Sources.Add("""
            using System.Net.Http;

            class First
            {
                HttpClientHandler Create() => new HttpClientHandler { CheckCertificateRevocationList = true };
            }
            """);
        test.FixedState.Sources.Add("""
            using System.Security.Cryptography.X509Certificates;

            class Second
            {
                void M(X509Chain chain, X509ChainPolicy policy)
                {
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.Online;
                    policy.RevocationMode = X509RevocationMode.Online;
                }
            }
            """);

        // Fix All in a document needs one pass per document; in the project or solution one pass fixes both.
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 2;
        test.NumberOfFixAllInProjectIterations = 1;
        return test.RunAsync();
    }
}
