using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NetSecAnalyzers.Analyzers.Tests.Infrastructure;

namespace NetSecAnalyzers.Analyzers.Tests.Flow;

/// <summary>
/// How the five setting analyzers report a constant that lies outside the write that reaches it: in a local,
/// a parameter's default value, a constant field, a chained assignment or a deconstruction. Each finding must
/// be local to its file, found when the IDE analyzes only the finding's span, and reported once.
/// </summary>
public class SettingAnalysisTests
{
    // Each {|ID:...|} marks one expected diagnostic of rule ID.
    private const string MarkedSource = """
        using System;
        using System.IO;
        using System.Net.Http;
        using System.Net.Security;
        using System.Security.Authentication;
        using System.Security.Cryptography.X509Certificates;
        using Microsoft.AspNetCore.Server.Kestrel.Core;

        class Settings
        {
            private const bool CheckRevocation = {|NETSEC021:false|};
            private static readonly string LabBase = {|NETSEC031:"http://lab.example/"|};

            HttpClientHandler Create(bool old, SslProtocols fallback = {|NETSEC001:SslProtocols.Tls11|})
            {
                var legacy = {|NETSEC001:SslProtocols.Tls|};
                var handler = new HttpClientHandler { CheckCertificateRevocationList = CheckRevocation };
                handler.SslProtocols = old ? legacy : fallback;
                return handler;
            }

            void Chain(X509ChainPolicy policy)
            {
                X509RevocationMode mode;
                policy.RevocationMode = (mode = {|NETSEC021:X509RevocationMode.NoCheck|});
                policy.RevocationMode = mode;
            }

            SslStream Open(Stream inner)
            {
                var (policy, leave) = ({|NETSEC010:EncryptionPolicy.NoEncryption|}, false);
                return new SslStream(inner, leave, null, null, policy);
            }

            HttpClient Client()
            {
                Func<HttpClient> create = () => new HttpClient { BaseAddress = new Uri(LabBase) };
                return create();
            }

            void Kestrel(KestrelServerOptions options)
            {
                var send = {|NETSEC036:true|};
                options.AddServerHeader = send;
            }
        }
        """;

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new LegacyTlsProtocolAnalyzer(),
        new EncryptionPolicyAnalyzer(),
        new RevocationCheckDisabledAnalyzer(),
        new ClearTextHttpAnalyzer(),
        new ServerVersionDisclosedAnalyzer());

    [Fact]
    [Trait("Rule", "NETSEC001")]
    [Trait("Rule", "NETSEC010")]
    [Trait("Rule", "NETSEC021")]
    [Trait("Rule", "NETSEC031")]
    [Trait("Rule", "NETSEC036")]
    public async Task StoredConstants_AreLocal_Reports()
    {
        var (compilation, expected) = Compile();

        var result = await compilation.WithAnalyzers(Analyzers).GetAnalysisResultAsync(CancellationToken.None);

        Assert.Empty(result.CompilationDiagnostics.SelectMany(pair => pair.Value));
        var local = result.SemanticDiagnostics.SelectMany(pair => pair.Value.Values).SelectMany(diagnostics => diagnostics);
        Assert.Equal(expected, Describe(local));
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    [Trait("Rule", "NETSEC010")]
    [Trait("Rule", "NETSEC021")]
    [Trait("Rule", "NETSEC031")]
    [Trait("Rule", "NETSEC036")]
    public async Task SpanOfEachFinding_Reports()
    {
        var (compilation, expected) = Compile();
        var tree = compilation.SyntaxTrees.Single();
        var withAnalyzers = compilation.WithAnalyzers(Analyzers);

        foreach (var finding in expected)
        {
            // The write that reaches the constant lies outside this span, so the driver does not run its action.
            var model = compilation.GetSemanticModel(tree);
            var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, finding.Span, CancellationToken.None);

            Assert.Contains(finding, Describe(diagnostics));
        }
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    [Trait("Rule", "NETSEC010")]
    [Trait("Rule", "NETSEC021")]
    [Trait("Rule", "NETSEC031")]
    [Trait("Rule", "NETSEC036")]
    public async Task SecondAnalysis_Reports()
    {
        var (compilation, expected) = Compile();

        var first = await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var second = await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.Equal(expected, Describe(first));
        Assert.Equal(expected, Describe(second));
    }

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task LocalFunctionDefault_Reports() =>
        CSharpCodeFixVerifier<LegacyTlsProtocolAnalyzer, NetSecAnalyzers.CodeFixes.LegacyTlsProtocolCodeFixProvider>.VerifyAnalyzerAsync("""
            using System.Net.Http;
            using System.Security.Authentication;

            class C
            {
                void M(HttpClientHandler handler)
                {
                    Apply();

                    void Apply(SslProtocols protocols = [|SslProtocols.Tls|]) => handler.SslProtocols = protocols;
                }
            }
            """);

    [Fact]
    [Trait("Rule", "NETSEC001")]
    public Task PrimaryConstructorDefault_Reports() =>
        CSharpCodeFixVerifier<LegacyTlsProtocolAnalyzer, NetSecAnalyzers.CodeFixes.LegacyTlsProtocolCodeFixProvider>.VerifyAnalyzerAsync("""
            using System.Net.Http;
            using System.Security.Authentication;

            class Client(SslProtocols protocols = [|SslProtocols.Tls|]) : HttpClient(new HttpClientHandler { SslProtocols = protocols })
            {
            }
            """);

    /// <summary>Compiles the source without its markup; returns it with the expected findings in source order.</summary>
    private static (CSharpCompilation Compilation, List<(string Id, TextSpan Span)> Expected) Compile()
    {
        var text = new StringBuilder();
        var expected = new List<(string Id, TextSpan Span)>();
        var position = 0;
        while (position < MarkedSource.Length)
        {
            var open = MarkedSource.IndexOf("{|", position, System.StringComparison.Ordinal);
            if (open < 0)
            {
                text.Append(MarkedSource, position, MarkedSource.Length - position);
                break;
            }

            var colon = MarkedSource.IndexOf(':', open);
            var close = MarkedSource.IndexOf("|}", colon, System.StringComparison.Ordinal);
            text.Append(MarkedSource, position, open - position);
            var start = text.Length;
            text.Append(MarkedSource, colon + 1, close - colon - 1);
            expected.Add((MarkedSource.Substring(open + 2, colon - open - 2), TextSpan.FromBounds(start, text.Length)));
            position = close + 2;
        }

        var compilation = CSharpCompilation.Create(
            "Settings",
            new[] { CSharpSyntaxTree.ParseText(text.ToString()) },
            SdkReferenceAssemblies.MetadataReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        return (compilation, expected);
    }

    private static List<(string Id, TextSpan Span)> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Select(diagnostic => (diagnostic.Id, diagnostic.Location.SourceSpan))
            .OrderBy(finding => finding.SourceSpan.Start)
            .ToList();
}
