using System.Threading.Tasks;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.LegacyTlsProtocolAnalyzer,
    NetSecAnalyzers.CodeFixes.LegacyTlsProtocolCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.LegacyTlsProtocol;

/// <summary>Legacy values that reach a setting through constants, variables, fields and expressions.</summary>
public class LegacyTlsProtocolFlowTests
{
    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task NumericCast_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = {|#0:(SslProtocols)192|};
                handler.SslProtocols = {|#1:(SslProtocols)(12 | 3072)|};
                ServicePointManager.SecurityProtocol = {|#2:(SecurityProtocolType)0x0300|};
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("(SslProtocols)192", "TLS 1.0"),
        Verify.Diagnostic().WithLocation(1).WithArguments("(SslProtocols)(12 | 3072)", "SSL 2.0"),
        Verify.Diagnostic().WithLocation(2).WithArguments("(SecurityProtocolType)0x0300", "TLS 1.1"));

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task MultiLineValue_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = {|#0:SslProtocols.Tls   // still needed by the old proxy
                    | SslProtocols.Ssl3
                    | SslProtocols.Tls12|};
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SslProtocols.Tls | SslProtocols.Ssl3 | SslProtocols.Tls12", "SSL 3.0 and TLS 1.0"));

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task IntegerConstantCast_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            const int Tls10And11 = 192 | 768;

            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = {|#0:(SslProtocols)Tls10And11|};
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("(SslProtocols)Tls10And11", "TLS 1.0 and TLS 1.1"));

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task ConstantField_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            private const SslProtocols Legacy = {|#0:SslProtocols.Tls | SslProtocols.Tls11|};

            void M(HttpClientHandler first, HttpClientHandler second)
            {
                first.SslProtocols = Legacy;
                second.SslProtocols = Legacy;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SslProtocols.Tls | SslProtocols.Tls11", "TLS 1.0 and TLS 1.1"));

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task ConstantLocal_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler)
            {
                const SslProtocols allowed = [|SslProtocols.Tls|];
                handler.SslProtocols = allowed;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task ConstantInLargerConstant_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            const SslProtocols Old = SslProtocols.Tls11;

            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = {|#0:Old | SslProtocols.Tls12|};
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("Old | SslProtocols.Tls12", "TLS 1.1"));

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task ConstantFromOtherFile_Reports()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(("Settings.cs", """
            using System.Security.Authentication;

            static class Settings
            {
                public const SslProtocols Protocols = SslProtocols.Tls;
            }
            """));
        test.TestState.Sources.Add(("Client.cs", """
            using System.Net.Http;

            class Client
            {
                void M(HttpClientHandler handler)
                {
                    handler.SslProtocols = {|#0:Settings.Protocols|};
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("Settings.Protocols", "TLS 1.0"));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task LocalVariable_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler)
            {
                var protocols = [|SslProtocols.Tls|];
                handler.SslProtocols = protocols;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task LocalBuiltWithOrAssignment_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler, bool old)
            {
                var protocols = SslProtocols.Tls12;
                if (old)
                {
                    protocols |= [|SslProtocols.Tls11|];
                }

                handler.SslProtocols = protocols;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task LocalAssignedInBranch_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler, bool old)
            {
                SslProtocols protocols;
                if (old)
                {
                    protocols = [|SslProtocols.Tls|];
                }
                else
                {
                    protocols = SslProtocols.Tls13;
                }

                handler.SslProtocols = protocols;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task LocalAssignedLaterInLoop_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler[] handlers)
            {
                var protocols = SslProtocols.Tls12;
                foreach (var handler in handlers)
                {
                    handler.SslProtocols = protocols;
                    protocols = [|SslProtocols.Tls11|];
                }
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task LocalOverwrittenBeforeUse_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler)
            {
                var protocols = SslProtocols.Tls;
                protocols = SslProtocols.Tls12;
                handler.SslProtocols = protocols;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task LocalAssignedAfterUse_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            SslProtocols M(HttpClientHandler handler)
            {
                var protocols = SslProtocols.Tls12;
                handler.SslProtocols = protocols;
                protocols = SslProtocols.Tls;
                return protocols;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task CapturedLocal_Reports() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            Action M(HttpClientHandler handler)
            {
                var protocols = SslProtocols.Tls12;
                Action apply = () => handler.SslProtocols = protocols;
                protocols = [|SslProtocols.Tls|];
                return apply;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task StaticReadonlyField_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            private static readonly SslProtocols Protocols = {|#0:SslProtocols.Tls11 | SslProtocols.Tls12|};
            private readonly SslProtocols instanceProtocols = [|(SslProtocols)48|];

            void M(HttpClientHandler first, HttpClientHandler second)
            {
                first.SslProtocols = Protocols;
                second.SslProtocols = instanceProtocols;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SslProtocols.Tls11 | SslProtocols.Tls12", "TLS 1.1"));

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task GetOnlyProperty_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            static SslProtocols Initialized { get; } = [|SslProtocols.Tls|];

            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = Initialized;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task MutableInstanceField_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            private SslProtocols protocols = SslProtocols.Tls;

            void M(HttpClientHandler handler)
            {
                handler.SslProtocols = protocols;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task DefaultParameterValue_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            HttpClientHandler Create(SslProtocols protocols = {|#0:SslProtocols.Tls|})
            {
                return new HttpClientHandler { SslProtocols = protocols };
            }

            HttpClientHandler Caller() => Create();
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SslProtocols.Tls", "TLS 1.0"));

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task ParameterOverwrittenBeforeUse_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler, SslProtocols protocols = SslProtocols.Tls)
            {
                protocols = SslProtocols.Tls12;
                handler.SslProtocols = protocols;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task Deconstruction_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler)
            {
                var (protocols, retries) = ([|SslProtocols.Tls|], 1);
                handler.SslProtocols = protocols;

                SslProtocols other;
                ((other, _), retries) = (([|SslProtocols.Ssl3|], 2), 3);
                handler.SslProtocols = other;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task DeconstructedOtherElement_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler)
            {
                var (legacy, modern) = (SslProtocols.Tls, SslProtocols.Tls13);
                handler.SslProtocols = modern;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task OrOfVariables_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler, SslProtocols configured)
            {
                var fallback = [|SslProtocols.Tls11|];
                handler.SslProtocols = configured | fallback | {|#0:SslProtocols.Tls|};
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SslProtocols.Tls", "TLS 1.0"));

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task ConditionalExpression_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler, bool legacyServer)
            {
                handler.SslProtocols = legacyServer ? {|#0:SslProtocols.Tls|} : SslProtocols.Tls12;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SslProtocols.Tls", "TLS 1.0"));

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task SwitchExpressionArm_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler, int level)
            {
                handler.SslProtocols = level switch
                {
                    0 => [|SslProtocols.Tls11|],
                    _ => SslProtocols.Tls13,
                };
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task NullableProtocolsCoalesce_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler, SslProtocols? configured)
            {
                handler.SslProtocols = configured ?? [|SslProtocols.Tls|];
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task ChainedAssignment_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler first, HttpClientHandler second)
            {
                first.SslProtocols = second.SslProtocols = [|SslProtocols.Tls|];
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task MaskAssignmentKeepsOtherBits_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler, bool strict)
            {
                var protocols = {|#0:SslProtocols.Tls | SslProtocols.Tls11|};
                protocols &= ~SslProtocols.Tls;
                if (strict)
                {
                    protocols &= ~SslProtocols.Tls11;
                }

                handler.SslProtocols = protocols;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SslProtocols.Tls | SslProtocols.Tls11", "TLS 1.1"));

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task MaskedAndUnmaskedPaths_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler first, HttpClientHandler second)
            {
                var protocols = {|#0:SslProtocols.Tls | SslProtocols.Tls11|};
                first.SslProtocols = protocols & ~SslProtocols.Tls;
                second.SslProtocols = (protocols & ~SslProtocols.Tls11) | protocols;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SslProtocols.Tls | SslProtocols.Tls11", "TLS 1.0 and TLS 1.1"));

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task MaskKeepsOtherLegacyBits_Reports() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Security.Authentication;

        class C
        {
            void M(HttpClientHandler handler, SslProtocols configured)
            {
                // The mask removes TLS 1.0 but not SSL 3.0, so only the SSL 3.0 operand is reported.
                var protocols = configured | {|#0:SslProtocols.Ssl3|} | SslProtocols.Tls;
                handler.SslProtocols = protocols & ~SslProtocols.Tls;
            }
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithArguments("SslProtocols.Ssl3", "SSL 3.0"));
}
