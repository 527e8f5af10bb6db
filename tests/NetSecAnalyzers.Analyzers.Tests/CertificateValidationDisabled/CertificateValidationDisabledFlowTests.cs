using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.CertificateValidationDisabledAnalyzer,
    NetSecAnalyzers.CodeFixes.CertificateValidationDisabledCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.CertificateValidationDisabled;

/// <summary>Every form an always-true or lax validator can take on its way to an installation site.</summary>
public class CertificateValidationDisabledFlowTests
{
    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task MethodGroupsAndLocalFunctions_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            const bool Accept = true;

            static bool AcceptAll(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors) => Accept;

            static bool AcceptAfterLogging(HttpRequestMessage request, X509Certificate2 certificate, X509Chain chain, SslPolicyErrors errors)
            {
                System.Console.WriteLine(errors);
                return true;
            }

            void M(HttpClientHandler handler)
            {
                ServicePointManager.ServerCertificateValidationCallback = [|AcceptAll|];
                ServicePointManager.ServerCertificateValidationCallback = [|new RemoteCertificateValidationCallback(AcceptAll)|];
                handler.ServerCertificateCustomValidationCallback = [|AcceptAfterLogging|];

                bool Local(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors) => !false;
                ServicePointManager.ServerCertificateValidationCallback = [|Local|];
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task MethodInAnotherFile_Reports()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add("""
            using System.Net;

            class C
            {
                void M() => ServicePointManager.ServerCertificateValidationCallback = [|Validators.AcceptAll|];
            }
            """);
        test.TestState.Sources.Add("""
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;

            static class Validators
            {
                public static bool AcceptAll(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors) => true;
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task LocalsFieldsAndParameters_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Security;

        class C
        {
            private static readonly RemoteCertificateValidationCallback Trusting = (sender, certificate, chain, errors) => true;
            private RemoteCertificateValidationCallback assigned;

            C() => assigned = (sender, certificate, chain, errors) => { return true; };

            void M(RemoteCertificateValidationCallback given)
            {
                RemoteCertificateValidationCallback callback = (sender, certificate, chain, errors) => true;
                ServicePointManager.ServerCertificateValidationCallback = [|callback|];
                ServicePointManager.ServerCertificateValidationCallback = [|Trusting|];
                ServicePointManager.ServerCertificateValidationCallback = [|assigned|];

                given = (sender, certificate, chain, errors) => true;
                ServicePointManager.ServerCertificateValidationCallback = [|given|];
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task LambdaPassedToInstaller_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            static HttpClientHandler Create(Func<HttpRequestMessage, X509Certificate2, X509Chain, SslPolicyErrors, bool> validate) =>
                new HttpClientHandler { ServerCertificateCustomValidationCallback = validate };

            static HttpClientHandler Forward(Func<HttpRequestMessage, X509Certificate2, X509Chain, SslPolicyErrors, bool> validate) => Create(validate);

            static bool Keep(Func<HttpRequestMessage, X509Certificate2, X509Chain, SslPolicyErrors, bool> validate) => validate != null;

            void M()
            {
                Create({|#0:(request, certificate, chain, errors) => true|});
                Forward([|(request, certificate, chain, errors) => true|]);
                Keep((request, certificate, chain, errors) => true);
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "C.Create(validate: (request, certificate, chain, errors) => true) accepts every certificate",
            "accept only SslPolicyErrors.None, or compare the certificate with a pinned one"));

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task BodiesThatAlwaysReturnTrue_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net;
        using System.Net.Security;

        class C
        {
            const bool Trusted = true;

            void M(bool debug)
            {
                ServicePointManager.ServerCertificateValidationCallback = [|(sender, certificate, chain, errors) =>
                {
                    Console.WriteLine($"Certificate errors: {errors}");
                    Func<bool> nested = () => false;
                    if (errors != SslPolicyErrors.None)
                    {
                        return Trusted;
                    }

                    return true;
                }|];
                ServicePointManager.ServerCertificateValidationCallback = [|(sender, certificate, chain, errors) =>
                {
                    var accept = true;
                    try { return accept; } catch (Exception) { return errors == SslPolicyErrors.None || true; }
                }|];
                ServicePointManager.ServerCertificateValidationCallback = debug ? [|(sender, certificate, chain, errors) => true|] : null;
                ServicePointManager.ServerCertificateValidationCallback = [|delegate (object s, System.Security.Cryptography.X509Certificates.X509Certificate c, System.Security.Cryptography.X509Certificates.X509Chain ch, SslPolicyErrors e) { return true; }|];
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task NameMismatchAccepted_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Net.Security;

        class C
        {
            HttpClientHandler Create() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = {|#0:(message, certificate, chain, errors) =>
                    (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None|},
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "HttpClientHandler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => ... accepts a host name mismatch (RemoteCertificateNameMismatch) without checking the certificate",
            "accept only SslPolicyErrors.None, or check the certificate itself before accepting an error"));

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task ChainErrorsAccepted_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Security;

        class C
        {
            void M()
            {
                ServicePointManager.ServerCertificateValidationCallback = {|#0:(s, c, ch, errors) => errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateChainErrors|};
                ServicePointManager.ServerCertificateValidationCallback = [|(s, c, ch, errors) => errors is SslPolicyErrors.None or SslPolicyErrors.RemoteCertificateNameMismatch|];
                ServicePointManager.ServerCertificateValidationCallback = [|(s, c, ch, errors) => !errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)|];
                ServicePointManager.ServerCertificateValidationCallback = [|(s, c, ch, errors) =>
                {
                    if (errors == SslPolicyErrors.None)
                    {
                        return true;
                    }

                    bool onlyNames = errors == SslPolicyErrors.RemoteCertificateNameMismatch;
                    if (onlyNames)
                    {
                        System.Console.WriteLine("Host name ignored");
                        return true;
                    }

                    return false;
                }|];
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, errors) => ..., which applies to the whole process, accepts any chain error (RemoteCertificateChainErrors) without checking the certificate",
            "accept only SslPolicyErrors.None, or check the certificate itself before accepting an error"));
}
