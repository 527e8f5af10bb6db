using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using NetSecAnalyzers.Analyzers.Tests.Infrastructure;

namespace NetSecAnalyzers.Analyzers.Tests.Pipeline;

/// <summary>
/// Runs a pipeline rule over an ASP.NET Core program. Programs with top-level statements compile as
/// console applications; <paramref name="editorConfig"/> lines go into the <c>[*]</c> section of a root
/// <c>.editorconfig</c>.
/// </summary>
internal static class PipelineTest<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync(source, fixedSource: null, editorConfig: null, expected);

    public static Task VerifyFixAsync(string source, string fixedSource, params DiagnosticResult[] expected) =>
        VerifyAsync(source, fixedSource, editorConfig: null, expected);

    public static Task VerifyWithOptionsAsync(string source, string editorConfig, params DiagnosticResult[] expected) =>
        VerifyAsync(source, fixedSource: null, editorConfig, expected);

    public static CSharpCodeFixVerifier<TAnalyzer, TCodeFix>.Test Create(string source, string? fixedSource = null, string? editorConfig = null)
    {
        var test = new CSharpCodeFixVerifier<TAnalyzer, TCodeFix>.Test { TestCode = source };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        if (fixedSource is not null)
        {
            test.FixedCode = fixedSource;
            test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        }

        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig + "\n"));
        }

        return test;
    }

    private static Task VerifyAsync(string source, string? fixedSource, string? editorConfig, DiagnosticResult[] expected)
    {
        var test = Create(source, fixedSource, editorConfig);
        foreach (var diagnostic in expected)
        {
            // The additional locations carry code-fix data; the fix tests check what the fixes do with them.
            test.ExpectedDiagnostics.Add(diagnostic.WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        }

        return test.RunAsync();
    }
}
