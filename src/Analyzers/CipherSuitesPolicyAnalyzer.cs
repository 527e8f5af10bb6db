using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetSecAnalyzers.Analyzers.Ciphers;

namespace NetSecAnalyzers.Analyzers;

/// <summary>
/// NETSEC010 and NETSEC011: a <c>CipherSuitesPolicy</c> built from broken suites, or from suites without
/// forward secrecy or AEAD (see <see cref="CipherSuitesPolicyCheck"/>). A suite is reported under one rule only.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CipherSuitesPolicyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.BrokenCipherSuites, Descriptors.CipherSuitesWithoutForwardSecrecy);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var symbols = CipherSuiteSymbols.TryCreate(context.Compilation);
        if (symbols is null)
        {
            return;
        }

        var check = new CipherSuitesPolicyCheck(symbols, TestProjectScope.Create(context.Compilation, context.Options));
        context.RegisterOperationAction(check.OnObjectCreation, OperationKind.ObjectCreation);
    }
}
