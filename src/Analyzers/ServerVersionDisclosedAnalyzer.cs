using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetSecAnalyzers.Analyzers.Flow;
using NetSecAnalyzers.Analyzers.ServerHeader;

namespace NetSecAnalyzers.Analyzers;

/// <summary>
/// NETSEC036: <c>true</c> written to Kestrel's <c>AddServerHeader</c> (see <see cref="ServerHeaderCheck"/>).
/// The diagnostic is located on the constant expression, which may be a local's or field's initializer.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ServerVersionDisclosedAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ServerVersionDisclosed);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var check = ServerHeaderCheck.TryCreate(context.Compilation);
        if (check is null)
        {
            return;
        }

        var scope = TestProjectScope.Create(context.Compilation, context.Options);
        new SettingAnalysis<WrittenConstant>(check, scope).Register(context);
    }
}
