using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetSecAnalyzers.Analyzers.ClearTextHttp;
using NetSecAnalyzers.Analyzers.Flow;

namespace NetSecAnalyzers.Analyzers;

/// <summary>
/// NETSEC031: an <c>http://</c> URI to a remote host that reaches an HTTP client's address (see
/// <see cref="ClearTextHttpCheck"/>). The diagnostic is located on the string or interpolated string that
/// contains the URI, which may be a constant's or field's initializer. Strings that never reach a client,
/// such as XML namespaces, are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClearTextHttpAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ClearTextHttpToRemoteHost);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var check = ClearTextHttpCheck.TryCreate(context.Compilation);
        if (check is null)
        {
            return;
        }

        var scope = TestProjectScope.Create(context.Compilation, context.Options);
        new SettingAnalysis<WrittenConstant>(check, scope).Register(context);
    }
}
