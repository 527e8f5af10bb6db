using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace NetSecAnalyzers.Analyzers.Tests.Infrastructure;

/// <summary>
/// The house verifier for one analyzer and its code fix. Sources use the testing library's markup:
/// <c>[|...|]</c> for the analyzer's only diagnostic, <c>{|NETSEC001:...|}</c> for a diagnostic by ID, and
/// <c>{|#0:...|}</c> for a location that an expected <see cref="DiagnosticResult"/> refers to by number.
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>An expected diagnostic of the analyzer's only descriptor.</summary>
    public static DiagnosticResult Diagnostic() =>
        CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic();

    public static DiagnosticResult Diagnostic(string diagnosticId) =>
        CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(diagnosticId);

    /// <summary>Checks that the analyzer reports exactly the markup and <paramref name="expected"/> diagnostics.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Checks the diagnostics in <paramref name="source"/>, then that fixing all of them gives <paramref name="fixedSource"/>.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource) =>
        VerifyCodeFixAsync(source, System.Array.Empty<DiagnosticResult>(), fixedSource);

    public static Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// A code-fix test that compiles against the SDK's targeting packs. Use it directly for several
    /// documents or for Fix All checks.
    /// </summary>
    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = SdkReferenceAssemblies.NoPackages;
            TestState.AdditionalReferences.AddRange(SdkReferenceAssemblies.MetadataReferences);
        }
    }
}
