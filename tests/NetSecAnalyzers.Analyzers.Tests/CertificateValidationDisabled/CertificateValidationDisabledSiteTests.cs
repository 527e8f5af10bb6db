using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using NetSecAnalyzers.Analyzers.Tests.Infrastructure;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.CertificateValidationDisabledAnalyzer,
    NetSecAnalyzers.CodeFixes.CertificateValidationDisabledCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.CertificateValidationDisabled;

/// <summary>Every place a validator is installed, each with an always-true lambda.</summary>
public class CertificateValidationDisabledSiteTests
{
    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task HttpClientHandlerCallback_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;

        class C
        {
            HttpClientHandler Create() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = {|#0:(message, certificate, chain, errors) => true|},
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "HttpClientHandler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true accepts every certificate",
            "accept only SslPolicyErrors.None, or compare the certificate with a pinned one"));

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task SocketsHandlerSslOptions_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Net.Security;

        class C
        {
            void M(SocketsHttpHandler handler)
            {
                var created = new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = [|(sender, certificate, chain, errors) => true|] } };
                handler.SslOptions.RemoteCertificateValidationCallback = [|delegate { return true; }|];
                handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = [|(s, c, ch, e) => true|] };
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task SslStreamConstructor_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Net.Security;

        class C
        {
            SslStream Open(Stream inner) => new SslStream(inner, false, {|#0:(sender, certificate, chain, errors) => true|});
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "new SslStream(userCertificateValidationCallback: (sender, certificate, chain, errors) => true) accepts every certificate",
            "accept only SslPolicyErrors.None, or compare the certificate with a pinned one"));

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task ServicePointManagerProcessWide_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net;

        class C
        {
            void M()
            {
                ServicePointManager.ServerCertificateValidationCallback = [|(sender, certificate, chain, errors) => true|];
                ServicePointManager.ServerCertificateValidationCallback += {|#0:(sender, certificate, chain, errors) => true|};
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "ServicePointManager.ServerCertificateValidationCallback += (sender, certificate, chain, errors) => true, which applies to the whole process, accepts every certificate",
            "accept only SslPolicyErrors.None, or compare the certificate with a pinned one"));

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task WebRequestWinHttpAndWebSocket_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.WebSockets;

        class C
        {
            void M(HttpWebRequest request, ClientWebSocket socket)
            {
                request.ServerCertificateValidationCallback = [|(sender, certificate, chain, errors) => true|];
                socket.Options.RemoteCertificateValidationCallback = [|(sender, certificate, chain, errors) => true|];
            }
        }
        """);

    /// <summary>A library the tests compile as its own project, because the project's own types are storage, not sites.</summary>
    private const string VendorLibrary = """
        using System;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        namespace Vendor
        {
            public delegate bool CertificateCheck(X509Certificate certificate, X509Chain chain, SslPolicyErrors errors, object state);

            public class Options
            {
                public Func<object, X509Certificate2, X509Chain, SslPolicyErrors, bool> Validator { get; set; }
                public event CertificateCheck Checking;
                public void Use(Func<X509Certificate2, X509Chain, SslPolicyErrors, bool> validator) { }
                public void Log(Func<X509Certificate2, string, bool> notAValidator) { }
            }
        }
        """;

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task AnyMemberWithValidatorShape_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = """
                class C
                {
                    void M(Vendor.Options options)
                    {
                        options.Validator = [|(sender, certificate, chain, errors) => true|];
                        options.Checking += [|(certificate, chain, errors, state) => true|];
                        options.Use([|(certificate, chain, errors) => true|]);
                        options.Log((certificate, text) => true);
                    }
                }
                """,
        };
        var vendor = test.TestState.AdditionalProjects["Vendor"];
        vendor.Sources.Add(VendorLibrary);
        vendor.AdditionalReferences.AddRange(SdkReferenceAssemblies.MetadataReferences);
        test.TestState.AdditionalProjectReferences.Add("Vendor");
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task DangerousValidator_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;

        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.ServerCertificateCustomValidationCallback = {|#0:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|};
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "HttpClientHandler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator accepts every server certificate",
            "remove it, and trust a private CA through X509ChainTrustMode.CustomRootTrust instead"));
}
