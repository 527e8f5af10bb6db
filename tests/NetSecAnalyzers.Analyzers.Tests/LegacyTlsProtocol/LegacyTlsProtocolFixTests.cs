using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.LegacyTlsProtocolAnalyzer,
    NetSecAnalyzers.CodeFixes.LegacyTlsProtocolCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.LegacyTlsProtocol;

/// <summary>
/// The code fix. The testing library also applies Fix All in the document, the project and the solution
/// to every test, so the tests with several diagnostics check batch fixing too.
/// </summary>
public class LegacyTlsProtocolFixTests
{
    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task LegacyOperand_Fix() => Verify.VerifyCodeFixAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = [|SslProtocols.Tls | SslProtocols.Tls12|];
            }
        }
        """, """
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = SslProtocols.Tls12;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task SeveralLegacyOperands_Fix() => Verify.VerifyCodeFixAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = [|SslProtocols.Tls12 | SslProtocols.Tls | /* keep */ SslProtocols.Tls13 | SslProtocols.Tls11|];
            }
        }
        """, """
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = SslProtocols.Tls12 | /* keep */ SslProtocols.Tls13;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task MultiLineOperands_Fix() => Verify.VerifyCodeFixAsync("""
        using System.Net.Security;
        using System.Security.Authentication;

        class C
        {
            SslServerAuthenticationOptions Options() => new SslServerAuthenticationOptions
            {
                EnabledSslProtocols = [|SslProtocols.Tls11
                    | SslProtocols.Tls12
                    | (SslProtocols.Tls13 | SslProtocols.Tls)|],
            };
        }
        """, """
        using System.Net.Security;
        using System.Security.Authentication;

        class C
        {
            SslServerAuthenticationOptions Options() => new SslServerAuthenticationOptions
            {
                EnabledSslProtocols = SslProtocols.Tls12
                    | SslProtocols.Tls13,
            };
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task NothingLeft_Fix() => Verify.VerifyCodeFixAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = [|SslProtocols.Tls | SslProtocols.Tls11|];
                ServicePointManager.SecurityProtocol = [|SecurityProtocolType.Tls|];
                ServicePointManager.SecurityProtocol |= [|SecurityProtocolType.Ssl3|];
            }
        }
        """, """
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = SslProtocols.None;
                ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                ServicePointManager.SecurityProtocol |= SecurityProtocolType.SystemDefault;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task NumericCast_Fix() => Verify.VerifyCodeFixAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = [|(SslProtocols)192|];
                handler.SslProtocols = [|(SslProtocols)(12 | 3072)|];
                handler.SslProtocols = [|(SslProtocols)(768 | 3072 | 12288)|];
                ServicePointManager.SecurityProtocol = [|(SecurityProtocolType)(0x0300 | 0x3000 | 0x10000)|];
            }
        }
        """, """
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = SslProtocols.None;
                handler.SslProtocols = SslProtocols.Tls12;
                handler.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls13 | (SecurityProtocolType)65536;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task QualifiedNames_Fix() => Verify.VerifyCodeFixAsync("""
        class C
        {
            void M(System.Net.Http.HttpClientHandler handler)
            {
                handler.SslProtocols = [|System.Security.Authentication.SslProtocols.Tls|];
                handler.SslProtocols = [|(System.Security.Authentication.SslProtocols)3264|];
            }
        }
        """, """
        class C
        {
            void M(System.Net.Http.HttpClientHandler handler)
            {
                handler.SslProtocols = System.Security.Authentication.SslProtocols.None;
                handler.SslProtocols = System.Security.Authentication.SslProtocols.Tls12;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task UsingStaticMembers_Fix() => Verify.VerifyCodeFixAsync("""
        using System.Net.Http;
        using System.Security.Authentication;
        using static System.Security.Authentication.SslProtocols;

        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = [|Tls|];
            }
        }
        """, """
        using System.Net.Http;
        using System.Security.Authentication;
        using static System.Security.Authentication.SslProtocols;

        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = None;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task ConstantFromOtherFile_Fix()
    {
        const string settings = """
            using System.Security.Authentication;

            static class Settings
            {
                public const SslProtocols Protocols = SslProtocols.Tls11 | SslProtocols.Tls13;
            }
            """;
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Settings.cs", settings));
        test.TestState.Sources.Add(("Client.cs", """
            using System.Net.Http;

            class Client
            {
                void M(HttpClientHandler handler)
                {
                    handler.SslProtocols = [|Settings.Protocols|];
                }
            }
            """));
        test.FixedState.Sources.Add(("Settings.cs", settings));
        test.FixedState.Sources.Add(("Client.cs", """
            using System.Net.Http;

            class Client
            {
                void M(HttpClientHandler handler)
                {
                    handler.SslProtocols = System.Security.Authentication.SslProtocols.Tls13;
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task DeclarationsAndBranches_Fix() => Verify.VerifyCodeFixAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            private const SslProtocols Allowed = [|SslProtocols.Tls11 | SslProtocols.Tls12|];

            HttpClientHandler Create(bool old, SslProtocols fallback = [|SslProtocols.Default|])
            {
                var handler = new HttpClientHandler { SslProtocols = Allowed };
                handler.SslProtocols = old ? [|SslProtocols.Tls|] : fallback;
                return handler;
            }
        }
        """, """
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            private const SslProtocols Allowed = SslProtocols.Tls12;

            HttpClientHandler Create(bool old, SslProtocols fallback = SslProtocols.None)
            {
                var handler = new HttpClientHandler { SslProtocols = Allowed };
                handler.SslProtocols = old ? SslProtocols.None : fallback;
                return handler;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task FixAllAcrossDocuments_Fix()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Client.cs", """
            using System.Net.Http;
            using System.Security.Authentication;

            class Client
            {
                HttpClientHandler Create() => new HttpClientHandler
                {
                    SslProtocols = [|SslProtocols.Tls | SslProtocols.Tls12|],
                };

                void Update(HttpClientHandler handler) => handler.SslProtocols = [|SslProtocols.Tls11|];
            }
            """));
        test.TestState.Sources.Add(("Server.cs", """
            using System.Net;
            using System.Net.Security;
            using System.Security.Authentication;

            class Server
            {
                void Configure(SslServerAuthenticationOptions options)
                {
                    options.EnabledSslProtocols = [|SslProtocols.Ssl3 | SslProtocols.Tls13|];
                    ServicePointManager.SecurityProtocol |= [|SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12|];
                }
            }
            """));
        test.FixedState.Sources.Add(("Client.cs", """
            using System.Net.Http;
            using System.Security.Authentication;

            class Client
            {
                HttpClientHandler Create() => new HttpClientHandler
                {
                    SslProtocols = SslProtocols.Tls12,
                };

                void Update(HttpClientHandler handler) => handler.SslProtocols = SslProtocols.None;
            }
            """));
        test.FixedState.Sources.Add(("Server.cs", """
            using System.Net;
            using System.Net.Security;
            using System.Security.Authentication;

            class Server
            {
                void Configure(SslServerAuthenticationOptions options)
                {
                    options.EnabledSslProtocols = SslProtocols.Tls13;
                    ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
                }
            }
            """));

        // Fix All in the project or solution fixes both files in one pass; Fix All in a document takes one
        // pass per file.
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 2;
        return test.RunAsync();
    }
}
