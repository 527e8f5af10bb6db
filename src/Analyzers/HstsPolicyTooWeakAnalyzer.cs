using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetSecAnalyzers.Analyzers.Pipeline;

namespace NetSecAnalyzers.Analyzers;

/// <summary>
/// NETSEC033: a delegate that configures <c>HstsOptions</c> with a <c>MaxAge</c> under the minimum,
/// <c>IncludeSubDomains = false</c>, or <c>Preload = true</c> without <c>IncludeSubDomains = true</c>
/// (see <see cref="HstsOptionsWrites"/>). Located on the written value.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HstsPolicyTooWeakAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.HstsPolicyTooWeak);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var hstsOptions = KnownTypes.Find(context.Compilation, "Microsoft.AspNetCore.HttpsPolicy.HstsOptions");
        if (hstsOptions is null)
        {
            return;
        }

        var analysis = new OptionsDelegateAnalysis(hstsOptions, TestProjectScope.Create(context.Compilation, context.Options));
        context.RegisterOperationAction(analysis.OnAnonymousFunction, OperationKind.AnonymousFunction);
    }

    /// <summary>Checks the lambdas and anonymous methods whose one parameter is <c>HstsOptions</c>.</summary>
    private sealed class OptionsDelegateAnalysis
    {
        private readonly INamedTypeSymbol hstsOptions;
        private readonly TestProjectScope scope;

        public OptionsDelegateAnalysis(INamedTypeSymbol hstsOptions, TestProjectScope scope)
        {
            this.hstsOptions = hstsOptions;
            this.scope = scope;
        }

        public void OnAnonymousFunction(OperationAnalysisContext context)
        {
            var function = (IAnonymousFunctionOperation)context.Operation;
            var parameters = function.Symbol.Parameters;
            if (parameters.Length != 1
                || !SymbolEqualityComparer.Default.Equals(parameters[0].Type, hstsOptions)
                || !scope.Includes(function.Syntax.SyntaxTree))
            {
                return;
            }

            var options = PipelineOptions.Read(context.Options, function.Syntax.SyntaxTree);
            HstsOptionsWrites.Check(function, hstsOptions, options.HstsMinimumMaxAge, context.ReportDiagnostic);
        }
    }
}
