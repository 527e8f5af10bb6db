using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetSecAnalyzers.Analyzers.Tls;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.CodeFixes;

/// <summary>
/// Removes the legacy protocols from the reported expression and keeps the others. When nothing is left
/// the expression becomes <c>SslProtocols.None</c> or <c>SecurityProtocolType.SystemDefault</c>, which let
/// the operating system choose.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LegacyTlsProtocolCodeFixProvider))]
[Shared]
public sealed class LegacyTlsProtocolCodeFixProvider : ConstantReplacementCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.LegacyTlsProtocol);

    protected override string Title => "Remove the legacy protocols";

    protected override string EquivalenceKey => RuleIds.LegacyTlsProtocol + ".RemoveLegacyProtocols";

    protected override ExpressionSyntax? CreateReplacement(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var protocol = TlsProtocolSymbols.TryCreate(model.Compilation)?.Find(model.GetTypeInfo(expression, cancellationToken).Type);
        if (protocol is null)
        {
            return null;
        }

        return new ProtocolExpressionRewriter(model, protocol, expression, cancellationToken).RemoveLegacyProtocols();
    }
}
