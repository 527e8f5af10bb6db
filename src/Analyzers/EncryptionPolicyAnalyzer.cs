using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetSecAnalyzers.Analyzers.Ciphers;
using NetSecAnalyzers.Analyzers.Flow;

namespace NetSecAnalyzers.Analyzers;

/// <summary>
/// NETSEC010: <c>EncryptionPolicy.AllowNoEncryption</c> or <c>NoEncryption</c> that reaches a TLS setting
/// (see <see cref="EncryptionPolicyCheck"/>). The diagnostic is located on the constant expression, which
/// may be a local's or field's initializer rather than the write itself.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EncryptionPolicyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.BrokenCipherSuites);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);

        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var check = EncryptionPolicyCheck.TryCreate(context.Compilation);
        if (check is null)
        {
            return;
        }

        var scope = TestProjectScope.Create(context.Compilation, context.Options);
        new SettingAnalysis<WrittenConstant>(check, scope).Register(context);
    }
}
