using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.CertificateValidationDisabledAnalyzer,
    NetSecAnalyzers.CodeFixes.CertificateValidationDisabledCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.CertificateValidationDisabled;

/// <summary>Kestrel's client certificate validation, judged where client certificates are required.</summary>
public class CertificateValidationDisabledServerTests
{
    private const string AnyModeKey = "root = true\n\n[*.cs]\nnetsec.report_any_client_certificate_without_required_mode = true\n";

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task AllowAnyWithRequiredCertificate_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Server.Kestrel.Core;
        using Microsoft.AspNetCore.Server.Kestrel.Https;

        class C
        {
            void Configure(KestrelServerOptions kestrel) =>
                kestrel.ConfigureHttpsDefaults(https =>
                {
                    https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                    {|#0:https.AllowAnyClientCertificate()|};
                });
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "HttpsConnectionAdapterOptions.AllowAnyClientCertificate() accepts every client certificate while ClientCertificateMode.RequireCertificate asks for one",
            "remove it, or check the certificate in ClientCertificateValidation"));

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task AlwaysTrueClientValidation_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Server.Kestrel.Https;

        class C
        {
            const ClientCertificateMode Mode = ClientCertificateMode.RequireCertificate;

            HttpsConnectionAdapterOptions Create() => new HttpsConnectionAdapterOptions
            {
                ClientCertificateMode = Mode,
                ClientCertificateValidation = {|#0:(certificate, chain, errors) => true|},
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "HttpsConnectionAdapterOptions.ClientCertificateValidation = (certificate, chain, errors) => true accepts every client certificate while ClientCertificateMode.RequireCertificate asks for one",
            "accept only SslPolicyErrors.None, or compare the certificate with a pinned one"));

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task OptionalCertificateOrOtherOptions_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Server.Kestrel.Https;

        class C
        {
            void Configure(HttpsConnectionAdapterOptions https, HttpsConnectionAdapterOptions other)
            {
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                https.AllowAnyClientCertificate();

                other.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.ClientCertificateValidation = (certificate, chain, errors) => true;
            }

            void Pinned(HttpsConnectionAdapterOptions https, string thumbprint)
            {
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.ClientCertificateValidation = (certificate, chain, errors) => certificate.Thumbprint == thumbprint;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task AnyModeOptionSet_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Microsoft.AspNetCore.Server.Kestrel.Https;

                class C
                {
                    void Configure(HttpsConnectionAdapterOptions https)
                    {
                        https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                        {|#0:https.AllowAnyClientCertificate()|};
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", AnyModeKey));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments(
            "HttpsConnectionAdapterOptions.AllowAnyClientCertificate() accepts every client certificate",
            "remove it, or check the certificate in ClientCertificateValidation"));
        return test.RunAsync();
    }
}
