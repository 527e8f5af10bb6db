using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetSecAnalyzers.Analyzers.Flow;
using NetSecAnalyzers.Analyzers.Revocation;

namespace NetSecAnalyzers.Analyzers;

/// <summary>
/// NETSEC021: <c>false</c> or <c>X509RevocationMode.NoCheck</c> that reaches a revocation setting (see
/// <see cref="RevocationCheck"/>). The diagnostic is located on the constant expression, which may be a
/// local's or field's initializer rather than the write itself. Code that leaves a setting at its default
/// is not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RevocationCheckDisabledAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.RevocationCheckDisabled);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var symbols = RevocationSymbols.TryCreate(context.Compilation);
        if (symbols is null)
        {
            return;
        }

        var check = new RevocationCheck(symbols, context.Compilation.Assembly);
        var scope = TestProjectScope.Create(context.Compilation, context.Options);
        new SettingAnalysis<WrittenConstant>(check, scope).Register(context);
    }
}
