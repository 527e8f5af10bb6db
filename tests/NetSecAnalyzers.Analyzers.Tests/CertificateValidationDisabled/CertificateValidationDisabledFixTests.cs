using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.CertificateValidationDisabledAnalyzer,
    NetSecAnalyzers.CodeFixes.CertificateValidationDisabledCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.CertificateValidationDisabled;

/// <summary>
/// The code fix. The testing library also applies Fix All in the document, the project and the solution
/// to every test, so the tests with several diagnostics check batch fixing too.
/// </summary>
public class CertificateValidationDisabledFixTests
{
    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task AlwaysTrueLambdasKeepNames_Fix() => Verify.VerifyCodeFixAsync("""
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;

        class C
        {
            void M(Stream inner)
            {
                var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = [|(message, cert, chain, policyErrors) => true|] };
                ServicePointManager.ServerCertificateValidationCallback += [|delegate { return true; }|];
                var stream = new SslStream(inner, false, [|(sender, certificate, chain, errors) =>
                {
                    System.Console.WriteLine(errors);
                    return true;
                }|]);
            }
        }
        """, """
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;

        class C
        {
            void M(Stream inner)
            {
                var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (message, cert, chain, policyErrors) => policyErrors == SslPolicyErrors.None };
                ServicePointManager.ServerCertificateValidationCallback += (sender, certificate, chain, errors) => errors == SslPolicyErrors.None;
                var stream = new SslStream(inner, false, (sender, certificate, chain, errors) => errors == SslPolicyErrors.None);
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task MethodGroupAndLocal_Fix() => Verify.VerifyCodeFixAsync("""
        using System.Net;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            static bool AcceptAll(object source, X509Certificate presented, X509Chain path, SslPolicyErrors problems) => true;

            void M()
            {
                ServicePointManager.ServerCertificateValidationCallback = [|new RemoteCertificateValidationCallback(AcceptAll)|];
                RemoteCertificateValidationCallback trusting = (_, _, _, _) => true;
                ServicePointManager.ServerCertificateValidationCallback = [|trusting|];
            }
        }
        """, """
        using System.Net;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            static bool AcceptAll(object source, X509Certificate presented, X509Chain path, SslPolicyErrors problems) => true;

            void M()
            {
                ServicePointManager.ServerCertificateValidationCallback = (source, presented, path, problems) => problems == SslPolicyErrors.None;
                RemoteCertificateValidationCallback trusting = (_, _, _, _) => true;
                ServicePointManager.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => errors == SslPolicyErrors.None;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task BranchAndPassedDangerousValidator_Fix() => Verify.VerifyCodeFixAsync("""
        using System.IO;
        using System.Net.Http;
        using System.Net.Security;

        class C
        {
            void M(Stream inner, bool debug, HttpClientHandler handler)
            {
                var stream = new SslStream(inner, false, debug ? [|(s, c, ch, e) => true|] : null);
                var trustAll = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
                handler.ServerCertificateCustomValidationCallback = [|trustAll|];
            }
        }
        """, """
        using System.IO;
        using System.Net.Http;
        using System.Net.Security;

        class C
        {
            void M(Stream inner, bool debug, HttpClientHandler handler)
            {
                var stream = new SslStream(inner, false, debug ? (s, c, ch, e) => e == SslPolicyErrors.None : null);
                var trustAll = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
                handler.ServerCertificateCustomValidationCallback = (sender, certificate, chain, errors) => errors == SslPolicyErrors.None;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task DangerousValidatorRemoved_Fix() => Verify.VerifyCodeFixAsync("""
        using System.Net.Http;

        class C
        {
            void M(HttpClientHandler existing)
            {
                var handler = new HttpClientHandler
                {
                    UseProxy = false,
                    ServerCertificateCustomValidationCallback = [|HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|],
                    CheckCertificateRevocationList = true,
                };
                existing.ServerCertificateCustomValidationCallback = [|HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|];
                existing.UseCookies = false;
            }
        }
        """, """
        using System.Net.Http;

        class C
        {
            void M(HttpClientHandler existing)
            {
                var handler = new HttpClientHandler
                {
                    UseProxy = false,
                    CheckCertificateRevocationList = true,
                };
                existing.UseCookies = false;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task KestrelAnyClientCertificate_Fix() => Verify.VerifyCodeFixAsync("""
        using Microsoft.AspNetCore.Server.Kestrel.Https;

        class C
        {
            void Configure(HttpsConnectionAdapterOptions https, HttpsConnectionAdapterOptions admin)
            {
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                [|https.AllowAnyClientCertificate()|];
                admin.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                admin.ClientCertificateValidation = [|(certificate, chain, errors) => true|];
            }
        }
        """, """
        using Microsoft.AspNetCore.Server.Kestrel.Https;

        class C
        {
            void Configure(HttpsConnectionAdapterOptions https, HttpsConnectionAdapterOptions admin)
            {
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                admin.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                admin.ClientCertificateValidation = (certificate, chain, errors) => errors == System.Net.Security.SslPolicyErrors.None;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task LaxValidatorHasNoFix_Fix()
    {
        const string source = """
            using System.Net;
            using System.Net.Security;

            class C
            {
                void M() => ServicePointManager.ServerCertificateValidationCallback =
                    [|(s, c, ch, errors) => errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateNameMismatch|];
            }
            """;
        return Verify.VerifyCodeFixAsync(source, source);
    }
}
