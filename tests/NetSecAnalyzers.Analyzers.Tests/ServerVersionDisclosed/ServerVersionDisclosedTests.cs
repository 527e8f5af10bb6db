using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using NetSecAnalyzers.Analyzers.ServerHeader;
using NetSecAnalyzers.Analyzers.Tests.Infrastructure;
using Verify = NetSecAnalyzers.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    NetSecAnalyzers.Analyzers.ServerVersionDisclosedAnalyzer,
    NetSecAnalyzers.CodeFixes.ServerVersionDisclosedCodeFixProvider>;

namespace NetSecAnalyzers.Analyzers.Tests.ServerVersionDisclosed;

/// <summary>Kestrel's <c>AddServerHeader</c> set to true explicitly, the writes the rule ignores, and the fix.</summary>
public class ServerVersionDisclosedTests
{
    [Fact]
    [Trait("Rule", "NETSEC036")]
    public Task ConfigureKestrelLambda_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;

                var builder = WebApplication.CreateBuilder(args);
                builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = {|#0:true|});
                builder.WebHost.UseKestrel(kestrel =>
                {
                    kestrel.AddServerHeader = [|true|];
                });
                builder.Build().Run();
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("KestrelServerOptions.AddServerHeader = true", "the server name Kestrel", "set AddServerHeader = false"));
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC036")]
    public Task ConfigureOptionsAndInitializer_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Server.Kestrel.Core;
        using Microsoft.Extensions.DependencyInjection;

        class C
        {
            void M(IServiceCollection services)
            {
                services.Configure<KestrelServerOptions>(options => options.AddServerHeader = [|true|]);
                services.Configure<KestrelServerOptions>(options =>
                {
                    options.Limits.MaxRequestBodySize = 1_000_000;
                    options.AddServerHeader = [|true|];
                });
                var standalone = new KestrelServerOptions { AddServerHeader = [|true|] };
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC036")]
    public Task MessageNamesHeader_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Server.Kestrel.Core;

        class C
        {
            void M(KestrelServerOptions options) => options.AddServerHeader = {|#0:true|};
        }
        """,
        Verify.Diagnostic().WithLocation(0).WithMessage(
            "KestrelServerOptions.AddServerHeader = true sends the server name Kestrel in the Server header; "
            + "set AddServerHeader = false"));

    [Fact]
    [Trait("Rule", "NETSEC036")]
    public Task ConstantsAndLocals_Reports() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Server.Kestrel.Core;

        class C
        {
            private const bool SendServerHeader = [|true|];

            void M(KestrelServerOptions options, KestrelServerOptions other, bool debug)
            {
                options.AddServerHeader = SendServerHeader;
                var send = [|true|];
                other.AddServerHeader = send;
                other.AddServerHeader = debug ? [|true|] : false;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC036")]
    public Task FalseUnsetOrRead_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Server.Kestrel.Core;
        using Microsoft.Extensions.DependencyInjection;

        class C
        {
            bool M(IServiceCollection services, KestrelServerOptions options, bool configured)
            {
                services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
                services.Configure<KestrelServerOptions>(kestrel => kestrel.AllowSynchronousIO = true);
                options.AddServerHeader = configured;
                options.AddServerHeader = configured || true;
                return options.AddServerHeader == true;
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC036")]
    public Task OwnOptionsType_NoDiagnostic() => Verify.VerifyAnalyzerAsync("""
        class ServerSettings
        {
            public bool AddServerHeader { get; set; }
        }

        class C
        {
            ServerSettings Defaults() => new ServerSettings { AddServerHeader = true };
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC036")]
    public Task BrokenCode_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Microsoft.AspNetCore.Server.Kestrel.Core;

                class C
                {
                    void M(KestrelServerOptions options, Unknown unknown)
                    {
                        options.AddServerHeader = "true";
                        options.Missing = true;
                        unknown.AddServerHeader = true;
                        options.AddServerHeader = unknown.Flag;
                        options.AddServerHeader = Undefined;
                        options.AddServerHeader =
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        return test.RunAsync();
    }

    [Fact]
    [Trait("Rule", "NETSEC036")]
    public async Task CompilationWithoutKestrel_NoDiagnostic()
    {
        const string source = """
            namespace Microsoft.AspNetCore.Server
            {
                public class KestrelServerOptions
                {
                    public bool AddServerHeader { get; set; }
                }
            }

            class C
            {
                void M(Microsoft.AspNetCore.Server.KestrelServerOptions options) => options.AddServerHeader = true;
            }
            """;
        var compilation = CoreOnlyCompilation.Create(source);

        var diagnostics = await CoreOnlyCompilation.AnalyzeAsync(compilation, new ServerVersionDisclosedAnalyzer());

        Assert.Null(ServerHeaderCheck.TryCreate(compilation));
        Assert.Empty(diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "NETSEC036");
    }

    [Fact]
    [Trait("Rule", "NETSEC036")]
    public Task TrueBecomesFalse_Fix() => Verify.VerifyCodeFixAsync("""
        using Microsoft.AspNetCore.Server.Kestrel.Core;
        using Microsoft.Extensions.DependencyInjection;

        class C
        {
            private const bool SendServerHeader = [|true|];

            void M(IServiceCollection services, KestrelServerOptions options)
            {
                services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = [|true|]);
                options.AddServerHeader = SendServerHeader;
                var standalone = new KestrelServerOptions { AddServerHeader = /* for the load balancer */ [|true|] };
            }
        }
        """, """
        using Microsoft.AspNetCore.Server.Kestrel.Core;
        using Microsoft.Extensions.DependencyInjection;

        class C
        {
            private const bool SendServerHeader = false;

            void M(IServiceCollection services, KestrelServerOptions options)
            {
                services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
                options.AddServerHeader = SendServerHeader;
                var standalone = new KestrelServerOptions { AddServerHeader = /* for the load balancer */ false };
            }
        }
        """);

    [Fact]
    [Trait("Rule", "NETSEC036")]
    public Task FixAllAcrossDocuments_Fix()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add("""
            using Microsoft.AspNetCore.Server.Kestrel.Core;

            class First
            {
                void M(KestrelServerOptions options) => options.AddServerHeader = [|true|];
            }
            """);
        test.TestState.Sources.Add("""
            using Microsoft.AspNetCore.Server.Kestrel.Core;

            class Second
            {
                KestrelServerOptions Create() => new KestrelServerOptions { AddServerHeader = [|true|] };
            }
            """);
        test.FixedState.Sources.Add("""
            using Microsoft.AspNetCore.Server.Kestrel.Core;

            class First
            {
                void M(KestrelServerOptions options) => options.AddServerHeader = false;
            }
            """);
        test.FixedState.Sources.Add("""
            using Microsoft.AspNetCore.Server.Kestrel.Core;

            class Second
            {
                KestrelServerOptions Create() => new KestrelServerOptions { AddServerHeader = false };
            }
            """);

        // Fix All in a document needs one pass per document; in the project or solution one pass fixes both.
        test.NumberOfFixAllInDocumentIterations = 2;
        test.NumberOfFixAllInProjectIterations = 1;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }
}
