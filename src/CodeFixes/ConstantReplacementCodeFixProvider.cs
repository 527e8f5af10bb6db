using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace NetSecAnalyzers.CodeFixes;

/// <summary>
/// A fix that replaces the reported constant expression with a safe constant. Each fix replaces only its
/// own expression, and the analyzers report the largest constant expression on each path to a setting,
/// so two reported expressions do not overlap and batch fixing is safe.
/// </summary>
public abstract class ConstantReplacementCodeFixProvider : CodeFixProvider
{
    protected abstract string Title { get; }

    protected abstract string EquivalenceKey { get; }

    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (CanFix(diagnostic) && root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        Title,
                        cancellationToken => ReplaceAsync(context.Document, diagnostic.Location.SourceSpan, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>Returns false for a diagnostic of the same ID that another fix handles.</summary>
    protected virtual bool CanFix(Diagnostic diagnostic) => true;

    /// <summary>Returns the safe constant for <paramref name="expression"/>, or null when the fix does not apply.</summary>
    protected abstract ExpressionSyntax? CreateReplacement(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken);

    /// <summary>
    /// Returns <c>Type.Member</c> of <paramref name="enumType"/> in place of <paramref name="expression"/>.
    /// <c>Type.Other</c> keeps the way the file names the type; anything else gets a name that the
    /// simplifier shortens to what the file's usings allow.
    /// </summary>
    protected static ExpressionSyntax EnumMember(
        ExpressionSyntax expression, INamedTypeSymbol enumType, string member, SemanticModel model, CancellationToken cancellationToken)
    {
        if (expression is MemberAccessExpressionSyntax memberAccess
            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(memberAccess.Expression, cancellationToken).Symbol, enumType))
        {
            return memberAccess.WithName(SyntaxFactory.IdentifierName(member));
        }

        return SyntaxFactory.ParseExpression(enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + member)
            .WithAdditionalAnnotations(Simplifier.Annotation);
    }

    private async Task<Document> ReplaceAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax expression || model is null)
        {
            return document;
        }

        var replacement = CreateReplacement(expression, model, cancellationToken);
        return replacement is null
            ? document
            : document.WithSyntaxRoot(root.ReplaceNode(expression, replacement.WithTriviaFrom(expression)));
    }
}
