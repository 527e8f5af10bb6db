using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetSecAnalyzers.Analyzers.Pipeline;

namespace NetSecAnalyzers.Analyzers;

/// <summary>
/// NETSEC032: an ASP.NET Core pipeline that sends no <c>Strict-Transport-Security</c> header in
/// production, through <c>UseHsts()</c>, a known header library or a header written by hand, or that
/// reads forwarded headers only after <c>UseHsts()</c>. Located like NETSEC030.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HstsNotEnabledAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.HstsNotEnabled);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

        context.RegisterCompilationStartAction(start => PipelineAnalysis.Register(start, Check));
    }

    private static void Check(MiddlewarePipeline pipeline, PipelineOptions options, System.Action<Diagnostic> report)
    {
        if (pipeline.LeavesCompilation
            || options.TlsTerminatedUpstream
            || (options.HstsBrowserAppsOnly && !pipeline.ServesBrowsers)
            || pipeline.Headers.HasFlag(SecurityHeaders.StrictTransportSecurity))
        {
            return;
        }

        var app = pipeline.Root.Description;
        var hsts = pipeline.FirstInProduction(StepKind.Hsts);
        if (hsts is null)
        {
            var what = pipeline.Contains(StepKind.Hsts) ? " calls UseHsts() only in development, so it" : " never calls UseHsts(), so it";
            report(PipelineFinding.Create(Descriptors.HstsNotEnabled, pipeline, fixable: true, null, ProductionBlock(pipeline.Root), app + what));
            return;
        }

        var forwarded = pipeline.FirstInProduction(StepKind.ForwardedHeaders);
        if (forwarded is not null && pipeline.IndexOf(forwarded) > pipeline.IndexOf(hsts))
        {
            report(PipelineFinding.Create(Descriptors.HstsNotEnabled, pipeline, fixable: false, null, null,
                app + " calls UseForwardedHeaders() after UseHsts(), so behind a proxy that terminates TLS every request looks like plain HTTP and the app"));
        }
    }

    /// <summary>
    /// Returns the block of a root statement that runs only outside development: the body of
    /// <c>if (!env.IsDevelopment())</c> or the <c>else</c> of <c>if (env.IsDevelopment())</c>.
    /// </summary>
    private static Location? ProductionBlock(PipelineRoot root)
    {
        if (root.Statements is null)
        {
            return null;
        }

        foreach (var statement in root.Statements.Operations)
        {
            if (statement is not IConditionalOperation conditional)
            {
                continue;
            }

            var block = DevelopmentGate.TestsDevelopment(conditional.Condition) switch
            {
                false => conditional.WhenTrue as IBlockOperation,
                true => conditional.WhenFalse as IBlockOperation,
                null => null,
            };
            if (block is not null)
            {
                return block.Syntax.GetLocation();
            }
        }

        return null;
    }
}
