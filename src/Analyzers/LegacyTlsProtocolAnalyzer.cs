using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetSecAnalyzers.Analyzers.Flow;
using NetSecAnalyzers.Analyzers.Tls;

namespace NetSecAnalyzers.Analyzers;

/// <summary>
/// NETSEC001: a legacy SSL or TLS protocol value that reaches a TLS setting (see <see cref="LegacyProtocolCheck"/>).
/// The diagnostic is located on the constant expression that contains the legacy value, which may be a
/// local's or field's initializer rather than the write itself. Each member reports only what lies in its own
/// declaration, so the IDE finds the diagnostic, and its fix, when it analyzes that member alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LegacyTlsProtocolAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LegacyTlsProtocol);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var symbols = TlsProtocolSymbols.TryCreate(context.Compilation);
        if (symbols is null)
        {
            return;
        }

        var check = new LegacyProtocolCheck(symbols, context.Compilation.Assembly);
        var scope = TestProjectScope.Create(context.Compilation, context.Options);
        new SettingAnalysis<LegacyValue>(check, scope).Register(context);
    }
}
