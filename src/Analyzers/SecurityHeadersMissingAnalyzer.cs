using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetSecAnalyzers.Analyzers.Pipeline;

namespace NetSecAnalyzers.Analyzers;

/// <summary>
/// NETSEC034: an ASP.NET Core pipeline whose middleware never sets X-Content-Type-Options, clickjacking
/// protection, Content-Security-Policy or Referrer-Policy, by hand or through a known library. One
/// finding per pipeline names every missing header; it is located like NETSEC030.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecurityHeadersMissingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SecurityHeadersMissing);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

        context.RegisterCompilationStartAction(start => PipelineAnalysis.Register(start, Check));
    }

    private static void Check(MiddlewarePipeline pipeline, PipelineOptions options, System.Action<Diagnostic> report)
    {
        var missing = SecurityHeaders.AllChecked & ~pipeline.Headers;
        if (pipeline.LeavesCompilation || missing == SecurityHeaders.None)
        {
            return;
        }

        var extra = new[]
        {
            new KeyValuePair<string, string?>(PipelineFinding.MissingHeadersKey, ((int)missing).ToString(CultureInfo.InvariantCulture)),
        };
        report(PipelineFinding.Create(Descriptors.SecurityHeadersMissing, pipeline, fixable: true, extra, null, pipeline.Root.Description, Describe(missing)));
    }

    private static string Describe(SecurityHeaders missing)
    {
        var names = new List<string>();
        if (missing.HasFlag(SecurityHeaders.ContentTypeOptions))
        {
            names.Add("X-Content-Type-Options");
        }

        if (missing.HasFlag(SecurityHeaders.FrameProtection))
        {
            names.Add("clickjacking protection (X-Frame-Options or CSP frame-ancestors)");
        }

        if (missing.HasFlag(SecurityHeaders.ContentSecurityPolicy))
        {
            names.Add("Content-Security-Policy");
        }

        if (missing.HasFlag(SecurityHeaders.ReferrerPolicy))
        {
            names.Add("Referrer-Policy");
        }

        return names.Count == 1
            ? names[0]
            : string.Join(", ", names.GetRange(0, names.Count - 1)) + " or " + names[names.Count - 1];
    }
}
