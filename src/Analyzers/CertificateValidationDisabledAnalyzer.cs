using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetSecAnalyzers.Analyzers.CertificateValidation;

namespace NetSecAnalyzers.Analyzers;

/// <summary>
/// NETSEC020: a certificate validator that accepts every certificate, or a host name mismatch or chain
/// error without other checks, where it is installed (see <see cref="CertificateValidationCheck"/>). The
/// diagnostic is located on the installed delegate, or on Kestrel's <c>AllowAnyClientCertificate()</c> call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CertificateValidationDisabledAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CertificateValidationDisabled);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var symbols = CertificateValidationSymbols.TryCreate(context.Compilation);
        if (symbols is null)
        {
            return;
        }

        var check = new CertificateValidationCheck(symbols, context.Compilation, context.Options);
        context.RegisterOperationAction(check.AnalyzeOperation, CertificateValidationCheck.OperationKinds);
    }
}
