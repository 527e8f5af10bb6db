using System.Threading.Tasks;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.LegacyTlsProtocolAnalyzer,
    NetSecAnalyzers.CodeFixes.LegacyTlsProtocolCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.LegacyTlsProtocol;

/// <summary>Each TLS setting the rule checks, written with a legacy protocol, and writes it ignores.</summary>
public class LegacyTlsProtocolSinkTests
{
    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task HttpClientHandlerAssignment_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = {|#0:SslProtocols.Tls|};
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SslProtocols.Tls", "TLS 1.0"));

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task HttpClientHandlerInitializer_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            HttpClientHandler Create() => new HttpClientHandler
            {
                SslProtocols = {|#0:SslProtocols.Tls11 | SslProtocols.Tls12|},
            };
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SslProtocols.Tls11 | SslProtocols.Tls12", "TLS 1.1"));

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task SocketsHttpHandlerSslOptions_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(SocketsHttpHandler handler)
            {
                handler.SslOptions.EnabledSslProtocols = [|SslProtocols.Ssl3|];
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task SocketsHttpHandlerNestedInitializer_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Authentication;

        class C
        {
            HttpMessageHandler First() => new SocketsHttpHandler
            {
                SslOptions = { EnabledSslProtocols = [|SslProtocols.Tls|] },
            };

            HttpMessageHandler Second() => new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions { EnabledSslProtocols = [|SslProtocols.Tls11|] },
            };
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task SslAuthenticationOptions_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;
        using System.Security.Authentication;

        class C
        {
            void M(SslServerAuthenticationOptions server)
            {
                var client = new SslClientAuthenticationOptions { EnabledSslProtocols = {|#0:SslProtocols.Default|} };
                server.EnabledSslProtocols = {|#1:SslProtocols.Ssl2|};
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SslProtocols.Default", "SSL 3.0 and TLS 1.0"),
        Verify.Diagnostic().WithLocation(1).WithArguments("SslProtocols.Ssl2", "SSL 2.0"));

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task KestrelHttpsOptions_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Security.Authentication;
        using Microsoft.AspNetCore.Server.Kestrel.Https;

        class C
        {
            void M(HttpsConnectionAdapterOptions options)
            {
                options.SslProtocols = [|SslProtocols.Tls11|];
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task KestrelInTopLevelProgram_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Security.Authentication;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;

                var legacy = [|SslProtocols.Tls11|];
                var builder = WebApplication.CreateBuilder(args);
                builder.WebHost.ConfigureKestrel(kestrel =>
                    kestrel.ConfigureHttpsDefaults(https => https.SslProtocols = legacy | SslProtocols.Tls12));
                builder.Build().Run();
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task ServicePointManagerAssignment_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net;

        class C
        {
            void M()
            {
                ServicePointManager.SecurityProtocol = {|#0:SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls|};
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls", "SSL 3.0 and TLS 1.0"));

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task ServicePointManagerOrAssignment_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net;

        class C
        {
            void M()
            {
                ServicePointManager.SecurityProtocol |= {|#0:SecurityProtocolType.Tls11|};
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SecurityProtocolType.Tls11", "TLS 1.1"));

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task SslStreamAuthenticate_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;
        using System.Security.Authentication;
        using System.Security.Cryptography.X509Certificates;
        using System.Threading.Tasks;

        class C
        {
            async Task M(SslStream stream, X509Certificate certificate)
            {
                stream.AuthenticateAsClient("example.org", null, [|SslProtocols.Tls|], false);
                await stream.AuthenticateAsClientAsync("example.org", null, [|SslProtocols.Tls11|], false);
                stream.AuthenticateAsServer(certificate, false, [|SslProtocols.Ssl3|], false);
                await stream.AuthenticateAsServerAsync(certificate, false, [|SslProtocols.Default|], false);
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task DeconstructionIntoSetting_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler)
            {
                int retries;
                (handler.SslProtocols, retries) = ([|SslProtocols.Tls|], 3);
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task FullyQualifiedNames_Reports() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            void M(System.Net.Http.HttpClientHandler handler)
            {
                handler.SslProtocols = {|#0:System.Security.Authentication.SslProtocols.Tls|};
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("System.Security.Authentication.SslProtocols.Tls", "TLS 1.0"));

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task ModernProtocols_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler, SslStream stream)
            {
                handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                handler.SslProtocols = SslProtocols.None;
                ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls13;
                stream.AuthenticateAsClient("example.org", null, SslProtocols.Tls13, false);
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task OwnProtocolProperty_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Security.Authentication;

        class ConnectionRecord
        {
            public SslProtocols Negotiated { get; set; }
        }

        class C
        {
            ConnectionRecord M() => new ConnectionRecord { Negotiated = SslProtocols.Tls };
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task OtherMethodArgument_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Security.Authentication;

        class C
        {
            static bool IsLegacy(SslProtocols protocols) => protocols != SslProtocols.Tls12;

            bool M() => IsLegacy(SslProtocols.Tls);
        }
        """);
}
