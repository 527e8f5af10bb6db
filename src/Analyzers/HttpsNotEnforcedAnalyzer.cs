using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetSecAnalyzers.Analyzers.Pipeline;

namespace NetSecAnalyzers.Analyzers;

/// <summary>
/// NETSEC030: an ASP.NET Core pipeline that does not redirect to HTTPS in production, redirects only
/// after middleware that has already sent a response, or reads forwarded headers only after redirecting. The
/// diagnostic is located on the <c>builder.Build()</c> call or on the <c>Configure</c> method's name.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HttpsNotEnforcedAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.HttpsNotEnforced);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

        context.RegisterCompilationStartAction(start => PipelineAnalysis.Register(start, Check));
    }

    private static void Check(MiddlewarePipeline pipeline, PipelineOptions options, System.Action<Diagnostic> report)
    {
        if (pipeline.LeavesCompilation || options.TlsTerminatedUpstream)
        {
            return;
        }

        var app = pipeline.Root.Description;
        var redirection = pipeline.FirstInProduction(StepKind.HttpsRedirection);
        if (redirection is null)
        {
            if (pipeline.HasRequireHttpsFilter)
            {
                return;
            }

            var what = pipeline.Contains(StepKind.HttpsRedirection) ? " calls UseHttpsRedirection() only in development, so it" : " never calls UseHttpsRedirection(), so it";
            report(PipelineFinding.Create(Descriptors.HttpsNotEnforced, pipeline, fixable: true, null, null, app + what));
            return;
        }

        var position = pipeline.IndexOf(redirection);
        for (var i = 0; i < position; i++)
        {
            var step = pipeline.Steps[i];
            if (step.Kind == StepKind.ServesContent && step.RunsInProduction)
            {
                report(PipelineFinding.Create(Descriptors.HttpsNotEnforced, pipeline, fixable: false, null, null,
                    app + " calls UseHttpsRedirection() after " + step.Name + "(), so " + step.Name + "()"));
                return;
            }
        }

        var forwarded = pipeline.FirstInProduction(StepKind.ForwardedHeaders);
        if (forwarded is not null && pipeline.IndexOf(forwarded) > position)
        {
            report(PipelineFinding.Create(Descriptors.HttpsNotEnforced, pipeline, fixable: false, null, null,
                app + " calls UseForwardedHeaders() after UseHttpsRedirection(), so the redirection sees the proxy's scheme instead of the client's; call UseForwardedHeaders() first, or behind a proxy that terminates TLS the app"));
        }
    }
}
