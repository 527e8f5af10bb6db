using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NetSecAnalyzers.Analyzers.CertificateValidation;
using NetSecAnalyzers.Analyzers.Tests.Infrastructure;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.CertificateValidationDisabledAnalyzer,
    NetSecAnalyzers.CodeFixes.CertificateValidationDisabledCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.CertificateValidationDisabled;

/// <summary>Validators that check the certificate, and code that only looks like installing one.</summary>
public class CertificateValidationDisabledNearMissTests
{
    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task OnlyNoErrorsAccepted_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            static bool Validate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors) => errors == SslPolicyErrors.None;

            void M(HttpClientHandler handler)
            {
                handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => errors == SslPolicyErrors.None;
                ServicePointManager.ServerCertificateValidationCallback = Validate;
                ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, errors) =>
                {
                    Func<bool> nested = () => true;
                    if (errors != SslPolicyErrors.None)
                    {
                        Console.WriteLine(errors);
                        return false;
                    }

                    return true;
                };
                ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, errors) => errors is SslPolicyErrors.None;

                // Without a certificate there is nothing to pin, but neither name nor chain errors pass.
                ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, errors) =>
                    errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateNotAvailable;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task PinnedThumbprintKeyOrRoot_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Linq;
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            const string PinnedThumbprint = "3B1EFD3A66EA28B16697394703A72CA340A05BD5";
            const string PinnedKey = "3082010A0282010100C3";
            const string PinnedRoot = "A8985D3A65E5E5C4B2D7D66D40C6DD2FB19C5436";

            void M(HttpClientHandler handler)
            {
                handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) =>
                    errors == SslPolicyErrors.None || certificate?.Thumbprint == PinnedThumbprint;
                ServicePointManager.ServerCertificateValidationCallback = (s, certificate, chain, errors) =>
                    (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None && certificate.GetPublicKeyString() == PinnedKey;
                ServicePointManager.ServerCertificateValidationCallback = (s, certificate, chain, errors) =>
                {
                    if (errors == SslPolicyErrors.None)
                    {
                        return true;
                    }

                    if (errors == SslPolicyErrors.RemoteCertificateChainErrors)
                    {
                        return chain.ChainElements.Last().Certificate.Thumbprint == PinnedRoot;
                    }

                    return false;
                };
                ServicePointManager.ServerCertificateValidationCallback = (s, certificate, chain, errors) =>
                {
                    var accept = true;
                    accept &= chain.Build(new X509Certificate2(certificate));
                    return accept;
                };
                ServicePointManager.ServerCertificateValidationCallback = (s, certificate, chain, errors) =>
                {
                    bool ok = errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateChainErrors;
                    ok &= chain.ChainElements.Last().Certificate.Thumbprint == PinnedRoot;
                    return ok;
                };
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task ThrowOnBadThenTrue_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Security;
        using System.Security.Authentication;

        class C
        {
            void M()
            {
                ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, errors) =>
                {
                    if (errors != SslPolicyErrors.None)
                    {
                        throw new AuthenticationException("Certificate rejected: " + errors);
                    }

                    return true;
                };
                ServicePointManager.ServerCertificateValidationCallback = (s, certificate, chain, errors) =>
                {
                    EnsurePinned(certificate);
                    return true;
                };
            }

            static void EnsurePinned(System.Security.Cryptography.X509Certificates.X509Certificate certificate)
            {
                if (certificate?.GetCertHashString() != "3B1EFD3A66EA28B16697394703A72CA340A05BD5")
                {
                    throw new AuthenticationException("Unexpected certificate " + certificate?.Subject);
                }
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task UnknownDelegatesPassedThrough_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            public RemoteCertificateValidationCallback Configured;

            static Func<HttpRequestMessage, X509Certificate2, X509Chain, SslPolicyErrors, bool> FromSettings() => null;

            public void Install(RemoteCertificateValidationCallback callback) => ServicePointManager.ServerCertificateValidationCallback = callback;

            void M(HttpClientHandler handler, SslClientAuthenticationOptions options, bool debug)
            {
                handler.ServerCertificateCustomValidationCallback = FromSettings();
                ServicePointManager.ServerCertificateValidationCallback = options.RemoteCertificateValidationCallback;
                ServicePointManager.ServerCertificateValidationCallback = Configured;
                ServicePointManager.ServerCertificateValidationCallback = null;
                ServicePointManager.ServerCertificateValidationCallback = default;

                RemoteCertificateValidationCallback chosen = (s, c, ch, e) => e == SslPolicyErrors.None;
                if (debug)
                {
                    chosen = (s, c, ch, e) => true;
                }

                // Either lambda may be installed here, so the value is unknown.
                ServicePointManager.ServerCertificateValidationCallback = chosen;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task OwnTypesStoreValidators_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;

        class ClientSettings
        {
            public RemoteCertificateValidationCallback Validator { get; set; }
        }

        class C
        {
            ClientSettings Create() => new ClientSettings { Validator = (s, c, ch, e) => true };
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task InvalidOrDynamicCode_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net;
                using System.Net.Http;

                class C
                {
                    void M(HttpClientHandler handler, dynamic anything)
                    {
                        handler.ServerCertificateCustomValidationCallback = (message, certificate) => true;
                        handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => { };
                        handler.ServerCertificateCustomValidationCallback = Missing;
                        handler.ServerCertificateCustomValidationCallback = anything;
                        ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, errors) => errors == ;
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public async Task CompilationWithoutValidationTypes_NoDiagnostic()
    {
        const string source = """
            namespace System.Net.Security
            {
                public enum Errors { None }
                public delegate bool RemoteCertificateValidationCallback(object sender, object certificate, object chain, Errors errors);
            }

            class C
            {
                System.Net.Security.RemoteCertificateValidationCallback callback = (s, c, ch, e) => true;
            }
            """;
        var compilation = CoreOnlyCompilation.Create(source);

        var diagnostics = await CoreOnlyCompilation.AnalyzeAsync(compilation, new CertificateValidationDisabledAnalyzer());

        Assert.Null(CertificateValidationSymbols.TryCreate(compilation));
        Assert.Empty(diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "NETSEC020");
    }

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task TestProject_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net.Http;

                class LocalServerFixture
                {
                    HttpClientHandler Create() => new HttpClientHandler { ServerCertificateCustomValidationCallback = (m, c, ch, e) => true };
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC020")]
    public Task IncludedTestProject_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net.Http;

                class LocalServerFixture
                {
                    HttpClientHandler Create() => new HttpClientHandler { ServerCertificateCustomValidationCallback = [|(m, c, ch, e) => true|] };
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nnetsec.include_test_projects = true\n"));
        return test.RunAsync();
    }
}
