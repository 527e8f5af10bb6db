using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NetSecAnalyzers.Analyzers.Tests.Infrastructure;
using NetSecAnalyzers.Analyzers.Tls;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.LegacyTlsProtocolAnalyzer,
    NetSecAnalyzers.CodeFixes.LegacyTlsProtocolCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.LegacyTlsProtocol;

/// <summary>Code that reads, tests or removes legacy protocols, and code the rule must survive.</summary>
public class LegacyTlsProtocolNearMissTests
{
    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task Comparison_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;
        using System.Security.Authentication;

        class C
        {
            bool M(SslStream stream) =>
                stream.SslProtocol == SslProtocols.Tls || stream.SslProtocol != SslProtocols.Tls11;
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task SwitchOnProtocol_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Security;
        using System.Security.Authentication;

        class C
        {
            string Describe(SslStream stream)
            {
                switch (stream.SslProtocol)
                {
                    case SslProtocols.Tls:
                    case SslProtocols.Tls11:
                        return "legacy";
                }

                return stream.SslProtocol switch
                {
                    SslProtocols.Ssl3 => "broken",
                    SslProtocols.Tls12 or SslProtocols.Tls13 => "modern",
                    _ => "other",
                };
            }

            bool IsLegacy(SslProtocols protocols) => protocols is SslProtocols.Tls or SslProtocols.Tls11;
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task HasFlag_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            bool M(HttpClientHandler handler) =>
                handler.SslProtocols.HasFlag(SslProtocols.Tls) || (handler.SslProtocols & SslProtocols.Tls11) != 0;
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task MaskRemovingLegacy_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler, SslProtocols configured, SslProtocols fallback = SslProtocols.Tls)
            {
                fallback &= ~SslProtocols.Tls;
                handler.SslProtocols = fallback;
                handler.SslProtocols = configured & ~(SslProtocols.Tls | SslProtocols.Tls11);
                handler.SslProtocols &= ~SslProtocols.Tls;
                ServicePointManager.SecurityProtocol &= ~(SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls);
                handler.SslProtocols = (SslProtocols.Tls | SslProtocols.Tls12) & ~SslProtocols.Tls;

                var widened = configured | SslProtocols.Tls | SslProtocols.Tls12;
                handler.SslProtocols = widened & ~(SslProtocols.Tls | SslProtocols.Tls11);

                var masked = configured | SslProtocols.Tls11 | SslProtocols.Tls13;
                masked &= ~SslProtocols.Tls11;
                handler.SslProtocols = masked;

                var legacy = SslProtocols.Tls | SslProtocols.Tls11;
                handler.SslProtocols = (configured | SslProtocols.Tls13) & ~legacy;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task ValueNeverReachesSetting_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Security.Authentication;

        class C
        {
            private const SslProtocols Forbidden = SslProtocols.Tls | SslProtocols.Tls11;
            private static readonly SslProtocols[] Legacy = { SslProtocols.Ssl3, SslProtocols.Tls };

            void M()
            {
                var protocols = SslProtocols.Tls;
                Console.WriteLine(protocols);
                Console.WriteLine(Forbidden);
                Console.WriteLine((SslProtocols)192);
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task NoTlsUsage_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Collections.Generic;

        class C
        {
            [System.Flags]
            enum SslProtocols { None = 0, Tls = 192 }

            class Handler
            {
                public SslProtocols SslProtocols { get; set; }
            }

            int M(List<int> values)
            {
                var handler = new Handler { SslProtocols = SslProtocols.Tls };
                return values.Count;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public async Task CompilationWithoutTlsTypes_NoDiagnostic()
    {
        const string source = """
            namespace System.Net.Http
            {
                public enum SslProtocols { None = 0, Tls = 192 }

                public class HttpClientHandler
                {
                    public SslProtocols SslProtocols { get; set; }
                }
            }

            class C
            {
                void M(System.Net.Http.HttpClientHandler handler) => handler.SslProtocols = System.Net.Http.SslProtocols.Tls;
            }
            """;
        var compilation = CoreOnlyCompilation.Create(source);

        var diagnostics = await CoreOnlyCompilation.AnalyzeAsync(compilation, new LegacyTlsProtocolAnalyzer());

        Assert.Null(TlsProtocolSymbols.TryCreate(compilation));
        Assert.Empty(diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task GeneratedCode_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        // <auto-generated/>
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler) => handler.SslProtocols = SslProtocols.Tls;
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task BrokenCode_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net.Http;
                using System.Security.Authentication;

                class C
                {
                    void M(HttpClientHandler handler, Unknown unknown, SslProtocols p = SslProtocols.Tls99)
                    {
                        handler.SslProtocols = SslProtocols.Tls14;
                        handler.Missing = SslProtocols.Tls;
                        unknown.SslProtocols = SslProtocols.Tls;
                        handler.SslProtocols = unknown.Protocols;
                        handler.SslProtocols = p;
                        handler.SslProtocols = Undefined;
                        var (a, b) = Make();
                        handler.SslProtocols = a;
                        handler.SslProtocols = (SslProtocols)"text";
                        handler.SslProtocols =
                    }

                    void N(SslStream stream) => stream.AuthenticateAsClient(SslProtocols.Tls);
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task BrokenCodeWithLegacyValue_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net.Http;
                using System.Security.Authentication;

                class C
                {
                    void M(HttpClientHandler handler)
                    {
                        handler.SslProtocols = [|SslProtocols.Tls|]
                        Undefined();
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task SelfReferencingValues_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            private static readonly SslProtocols First = Second;
            private static readonly SslProtocols Second = First;

            void M(HttpClientHandler handler, SslProtocols configured)
            {
                var protocols = configured;
                while (protocols != SslProtocols.None)
                {
                    protocols = protocols | protocols;
                    handler.SslProtocols = protocols;
                }

                handler.SslProtocols = First;
            }
        }
        """);
}
