using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetSecAnalyzers.Analyzers.RateLimiting;

namespace NetSecAnalyzers.Analyzers;

/// <summary>
/// NETSEC070: a minimal API endpoint or an attribute-routed MVC action whose route names sign-in, token
/// issuance or password reset, with no rate-limiting policy, in an application without a global limiter
/// (see <see cref="RateLimitingAnalysis"/>). The diagnostic is located on the route string.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AuthenticationEndpointWithoutRateLimitingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.AuthenticationEndpointWithoutRateLimiting);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var symbols = RateLimitingSymbols.TryCreate(context.Compilation);
        if (symbols is null)
        {
            return;
        }

        var scope = TestProjectScope.Create(context.Compilation, context.Options);
        var analysis = new RateLimitingAnalysis(symbols, scope, context.Options.AnalyzerConfigOptionsProvider);
        context.RegisterOperationAction(analysis.OnInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(analysis.OnAssignment, OperationKind.SimpleAssignment);
        context.RegisterSymbolAction(analysis.OnNamedType, SymbolKind.NamedType);
        context.RegisterCompilationEndAction(analysis.OnCompilationEnd);
    }
}
