using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetSecAnalyzers.Analyzers.Tests.Infrastructure;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.RevocationCheckDisabledAnalyzer,
    NetSecAnalyzers.CodeFixes.RevocationCheckDisabledCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.RevocationCheckDisabled;

/// <summary>Each revocation setting the rule checks, turned off explicitly.</summary>
public class RevocationCheckDisabledSinkTests
{
    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task HttpClientHandlerAssignment_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;

        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.CheckCertificateRevocationList = {|#0:false|};
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("HttpClientHandler.CheckCertificateRevocationList = false turns off certificate revocation checks", "set it to true"));

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task HttpClientHandlerInitializer_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;

        class LedgerHandler : HttpClientHandler
        {
        }

        class C
        {
            HttpMessageHandler First() => new HttpClientHandler { CheckCertificateRevocationList = [|false|] };

            HttpMessageHandler Second() => new LedgerHandler { CheckCertificateRevocationList = {|#0:false|} };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("HttpClientHandler.CheckCertificateRevocationList = false turns off certificate revocation checks", "set it to true"));

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task ServicePointManager_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net;

        class C
        {
            void M()
            {
                ServicePointManager.CheckCertificateRevocationList = {|#0:false|};
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments(
            "ServicePointManager.CheckCertificateRevocationList = false, which applies to the whole process, turns off certificate revocation checks", "set it to true"));

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task ServicePointManagerMessage_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net;

        class C
        {
            void M() => ServicePointManager.CheckCertificateRevocationList = {|#0:false|};
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage(
            "ServicePointManager.CheckCertificateRevocationList = false, which applies to the whole process, "
            + "turns off certificate revocation checks; set it to true"));

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task WinHttpHandlerWhenReferenced_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net.Http;

                class C
                {
                    WinHttpHandler Create() => new WinHttpHandler { CheckCertificateRevocationList = {|#0:false|} };
                }
                """,
        };
        test.TestState.AdditionalProjects["WinHttp"].Sources.Add("""
            namespace System.Net.Http
            {
                public class WinHttpHandler
                {
                    public bool CheckCertificateRevocationList { get; set; }
                }
            }
            """);
        test.TestState.AdditionalProjects["WinHttp"].AdditionalReferences.AddRange(SdkReferenceAssemblies.MetadataReferences);
        test.TestState.AdditionalProjectReferences.Add("WinHttp");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("WinHttpHandler.CheckCertificateRevocationList = false turns off certificate revocation checks", "set it to true"));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task X509ChainPolicy_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            void M(X509Chain chain)
            {
                chain.ChainPolicy.RevocationMode = {|#0:X509RevocationMode.NoCheck|};
                var policy = new X509ChainPolicy { RevocationMode = [|X509RevocationMode.NoCheck|] };
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("X509ChainPolicy.RevocationMode = X509RevocationMode.NoCheck turns off certificate revocation checks", "use X509RevocationMode.Online"));

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task RevocationModeMessage_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            void M(X509Chain chain) => chain.ChainPolicy.RevocationMode = {|#0:X509RevocationMode.NoCheck|};
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage(
            "X509ChainPolicy.RevocationMode = X509RevocationMode.NoCheck turns off certificate revocation checks; "
            + "use X509RevocationMode.Online"));

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task SslAuthenticationOptions_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;

        class C
        {
            void M(SslServerAuthenticationOptions server)
            {
                var client = new SslClientAuthenticationOptions { CertificateRevocationCheckMode = {|#0:X509RevocationMode.NoCheck|} };
                server.CertificateRevocationCheckMode = {|#1:X509RevocationMode.NoCheck|};
                var handler = new SocketsHttpHandler
                {
                    SslOptions = { CertificateRevocationCheckMode = [|X509RevocationMode.NoCheck|] },
                };
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SslClientAuthenticationOptions.CertificateRevocationCheckMode = X509RevocationMode.NoCheck turns off certificate revocation checks", "use X509RevocationMode.Online"),
        Verify.Diagnostic().WithLocation(1).WithArguments("SslServerAuthenticationOptions.CertificateRevocationCheckMode = X509RevocationMode.NoCheck turns off certificate revocation checks", "use X509RevocationMode.Online"));

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task SslStreamAuthenticate_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;
        using System.Security.Authentication;
        using System.Security.Cryptography.X509Certificates;
        using System.Threading.Tasks;

        class C
        {
            async Task M(SslStream stream, X509Certificate certificate)
            {
                stream.AuthenticateAsClient("ledger.example.com", null, {|#0:false|});
                await stream.AuthenticateAsClientAsync("ledger.example.com", null, SslProtocols.None, [|false|]);
                stream.AuthenticateAsServer(certificate, clientCertificateRequired: true, checkCertificateRevocation: [|false|]);
                await stream.AuthenticateAsServerAsync(certificate, false, SslProtocols.None, {|#1:false|});
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SslStream.AuthenticateAsClient(checkCertificateRevocation: false) turns off certificate revocation checks", "pass true"),
        Verify.Diagnostic().WithLocation(1).WithArguments("SslStream.AuthenticateAsServerAsync(checkCertificateRevocation: false) turns off certificate revocation checks", "pass true"));

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task KestrelHttpsOptions_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Server.Kestrel.Https;

        class C
        {
            void M(IWebHostBuilder builder)
            {
                builder.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
                {
                    https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                    https.CheckCertificateRevocation = {|#0:false|};
                }));
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("HttpsConnectionAdapterOptions.CheckCertificateRevocation = false turns off certificate revocation checks", "set it to true"));

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task ModePropertyOfReferencedType_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Security.Cryptography.X509Certificates;
                using Ledger.Client;

                class C
                {
                    LedgerOptions Create() => new LedgerOptions { Revocation = {|#0:X509RevocationMode.NoCheck|} };
                }
                """,
        };
        test.TestState.AdditionalProjects["Ledger"].Sources.Add("""
            namespace Ledger.Client
            {
                public class LedgerOptions
                {
                    public System.Security.Cryptography.X509Certificates.X509RevocationMode? Revocation { get; set; }
                }
            }
            """);
        test.TestState.AdditionalProjects["Ledger"].AdditionalReferences.AddRange(SdkReferenceAssemblies.MetadataReferences);
        test.TestState.AdditionalProjectReferences.Add("Ledger");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("LedgerOptions.Revocation = X509RevocationMode.NoCheck turns off certificate revocation checks", "use X509RevocationMode.Online"));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task DeconstructionIntoSetting_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;

        class C
        {
            void M(HttpClientHandler handler)
            {
                int retries;
                (handler.CheckCertificateRevocationList, retries) = ([|false|], 3);
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task MemberInitializers_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;

        static class Handlers
        {
            public static HttpClientHandler Ledger { get; } = new HttpClientHandler { CheckCertificateRevocationList = [|false|] };

            private static readonly HttpClientHandler Lab = new() { CheckCertificateRevocationList = [|false|] };
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC021")]
    public Task TopLevelProgram_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net.Http;

                var handler = new HttpClientHandler { CheckCertificateRevocationList = [|false|] };
                using var client = new HttpClient(handler);
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }
}
