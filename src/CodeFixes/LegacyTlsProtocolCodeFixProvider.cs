using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
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
public sealed class LegacyTlsProtocolCodeFixProvider : CodeFixProvider
{
    private const string Title = "Remove the legacy protocols";

    private const string EquivalenceKey = RuleIds.LegacyTlsProtocol + ".RemoveLegacyProtocols";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.LegacyTlsProtocol);

    // Each fix replaces only its reported expression. The analyzer reports the largest constant expression
    // on each path to a setting, so two reported expressions do not overlap.
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        Title,
                        cancellationToken => RemoveLegacyProtocolsAsync(context.Document, diagnostic.Location.SourceSpan, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> RemoveLegacyProtocolsAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax expression || model is null)
        {
            return document;
        }

        var protocol = TlsProtocolSymbols.TryCreate(model.Compilation)?.Find(model.GetTypeInfo(expression, cancellationToken).Type);
        if (protocol is null)
        {
            return document;
        }

        var rewriter = new ProtocolExpressionRewriter(model, protocol, expression, cancellationToken);
        var replacement = rewriter.RemoveLegacyProtocols();
        return document.WithSyntaxRoot(root.ReplaceNode(expression, replacement));
    }
}
