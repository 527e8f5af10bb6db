using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using NetSecAnalyzers.Analyzers.Pipeline;

namespace NetSecAnalyzers.CodeFixes;

/// <summary>
/// A fix for a whole-pipeline finding that inserts middleware calls in the conventional place: before
/// the first statement that leads to static files, routing or endpoints (the analyzer passes it as an
/// additional location), or at the end of an existing <c>if (!env.IsDevelopment())</c> block.
/// Each finding inserts at its own pipeline's statements, so batch fixing is safe.
/// </summary>
public abstract class PipelineInsertionCodeFixProvider : CodeFixProvider
{
    protected abstract string Title { get; }

    protected abstract string EquivalenceKey { get; }

    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(PipelineFinding.AppKey, out var app) && app is not null
                && CreateStatements(diagnostic, app, inProductionBlock: false).Count > 0)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => InsertAsync(context.Document, diagnostic, app, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Returns the statements to insert, in the form each one takes as source text; empty when the fix
    /// does not apply. <paramref name="inProductionBlock"/> is true when they go into an existing
    /// <c>!IsDevelopment()</c> block.
    /// </summary>
    protected abstract IReadOnlyList<string> CreateStatements(Diagnostic diagnostic, string app, bool inProductionBlock);

    /// <summary>Returns true when the statements should go into the production block, when the pipeline has one.</summary>
    protected virtual bool PrefersProductionBlock => false;

    /// <summary>Returns the namespace the inserted code needs a <c>using</c> for, or null.</summary>
    protected virtual string? RequiredNamespace(Diagnostic diagnostic, bool inProductionBlock) => null;

    private async Task<Document> InsertAsync(Document document, Diagnostic diagnostic, string app, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        if (PrefersProductionBlock && FindAdditional<BlockSyntax>(root, diagnostic, PipelineFinding.ProductionBlockKey) is { } block)
        {
            var added = Parse(CreateStatements(diagnostic, app, inProductionBlock: true));
            var withBlock = root.ReplaceNode(block, block.AddStatements(added.ToArray()));
            return await ImportAsync(document, withBlock, RequiredNamespace(diagnostic, inProductionBlock: true), cancellationToken).ConfigureAwait(false);
        }

        if (FindAdditional<StatementSyntax>(root, diagnostic, PipelineFinding.AnchorKey) is not { } anchor)
        {
            return document;
        }

        // The formatter does not re-indent the inner lines of parsed text, so they get the anchor's indentation here.
        var indentation = Indentation(anchor.Parent is GlobalStatementSyntax ? anchor.Parent : anchor).ToFullString();
        var texts = CreateStatements(diagnostic, app, inProductionBlock: false).Select(text => text.Replace("\n", "\n" + indentation)).ToList();
        var statements = Parse(texts);
        if (anchor.Parent is GlobalStatementSyntax global)
        {
            var globals = statements.Select(statement => (SyntaxNode)SyntaxFactory.GlobalStatement(statement)).ToList();
            var withGlobals = root.ReplaceNode(global, MoveLeadingTrivia(global, globals));
            return await ImportAsync(document, withGlobals, RequiredNamespace(diagnostic, inProductionBlock: false), cancellationToken).ConfigureAwait(false);
        }

        var withStatements = root.ReplaceNode(anchor, MoveLeadingTrivia(anchor, statements.Cast<SyntaxNode>().ToList()));
        return await ImportAsync(document, withStatements, RequiredNamespace(diagnostic, inProductionBlock: false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds <c>using <paramref name="ns"/>;</c> to the new root unless the file or a global using of the
    /// project already imports it.
    /// </summary>
    private static async Task<Document> ImportAsync(Document document, SyntaxNode root, string? ns, CancellationToken cancellationToken)
    {
        if (ns is null || root is not CompilationUnitSyntax unit || unit.Usings.Any(directive => directive.Name?.ToString() == ns))
        {
            return document.WithSyntaxRoot(root);
        }

        foreach (var other in document.Project.Documents)
        {
            if (other.Id != document.Id
                && await other.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax otherUnit
                && otherUnit.Usings.Any(directive => directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && directive.Name?.ToString() == ns))
            {
                return document.WithSyntaxRoot(root);
            }
        }

        var lineBreak = unit.Usings.Count > 0 ? unit.Usings.Last().GetTrailingTrivia() : SyntaxFactory.TriviaList(SyntaxFactory.LineFeed);
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns)).NormalizeWhitespace().WithTrailingTrivia(lineBreak);
        return document.WithSyntaxRoot(unit.AddUsings(directive));
    }

    /// <summary>
    /// Puts <paramref name="inserted"/> before <paramref name="anchor"/>, moving the anchor's blank lines
    /// and comments to the first inserted statement so that they keep introducing the same group of statements.
    /// </summary>
    private static IEnumerable<SyntaxNode> MoveLeadingTrivia(SyntaxNode anchor, List<SyntaxNode> inserted)
    {
        var leading = anchor.GetLeadingTrivia();
        var indentation = Indentation(anchor);
        inserted[0] = inserted[0].WithLeadingTrivia(leading);
        for (var i = 1; i < inserted.Count; i++)
        {
            inserted[i] = inserted[i].WithLeadingTrivia(indentation);
        }

        inserted.Add(anchor.WithLeadingTrivia(indentation));
        return inserted;
    }

    /// <summary>Returns the whitespace that starts the line of <paramref name="node"/>.</summary>
    private static SyntaxTriviaList Indentation(SyntaxNode node)
    {
        var leading = node.GetLeadingTrivia();
        var lastLineBreak = -1;
        for (var i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                lastLineBreak = i;
            }
        }

        return SyntaxFactory.TriviaList(leading.Skip(lastLineBreak + 1));
    }

    private static List<StatementSyntax> Parse(IReadOnlyList<string> texts) =>
        texts.Select(text => SyntaxFactory.ParseStatement(text + "\n").WithAdditionalAnnotations(Formatter.Annotation)).ToList();

    private static T? FindAdditional<T>(SyntaxNode root, Diagnostic diagnostic, string key)
        where T : SyntaxNode
    {
        if (!diagnostic.Properties.TryGetValue(key, out var text)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index >= diagnostic.AdditionalLocations.Count)
        {
            return null;
        }

        var node = root.FindNode(diagnostic.AdditionalLocations[index].SourceSpan, getInnermostNodeForTie: true);
        return node.FirstAncestorOrSelf<T>();
    }
}
