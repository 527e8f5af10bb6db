using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetSecAnalyzers.Catalog;

namespace NetSecAnalyzers.CodeFixes;

/// <summary>Stops Kestrel from sending its <c>Server</c> header: the reported <c>true</c> becomes <c>false</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ServerVersionDisclosedCodeFixProvider))]
[Shared]
public sealed class ServerVersionDisclosedCodeFixProvider : ConstantReplacementCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ServerVersionDisclosed);

    protected override string Title => "Stop sending the Server header";

    protected override string EquivalenceKey => RuleIds.ServerVersionDisclosed + ".RemoveServerHeader";

    protected override ExpressionSyntax? CreateReplacement(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetTypeInfo(expression, cancellationToken).Type?.SpecialType == SpecialType.System_Boolean
            ? SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression)
            : null;
}
